import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ingestContent } from '@/lib/content/ingest'
import { createDb, type Db } from '@/lib/db'
import { rawRequest } from '@/tests/helpers/raw-http'
import { readScaleEnv } from '@/tests/helpers/scale-env'
import { discoverPages } from '@/tests/helpers/site-pages'
import { startTestScaleStack, type TestScaleStack } from '@/tests/helpers/test-scale-stack'

// The README's promise: after `content:ingest` against the shared database, every instance — and nginx in front of
// them — serves the changed answer within seconds, with no restart. Each instance polls the ingest revision every
// second (lib/http/content-changes.ts); nginx keeps a page one second (deploy/nginx.conf).
const boundMs = 10_000
const originalContent = 'content'

let scale: TestScaleStack
let db: Db
let contentCopy: string
let changed: { path: string; marker: string } | undefined

beforeAll(async () => {
  scale = await startTestScaleStack({ microCache: true })
  db = createDb(readScaleEnv().DATABASE_URL)
  contentCopy = mkdtempSync(path.join(tmpdir(), 'ask-kb-consistency-'))
  cpSync(originalContent, contentCopy, { recursive: true })
})

afterAll(async () => {
  // Put the store back as the build had it, for whatever runs after, and wait until every copy serves it again:
  // the instances share .next, so a page left on disk with the marker would be served once more (stale) by the
  // next test's instances.
  if (db) await ingestContent({ contentDir: originalContent, db, write: true })
  const restoring = performance.now()
  while (changed && scale && performance.now() - restoring < boundMs) {
    const bodies = await Promise.all([scale.stack.url, ...scale.stack.instanceUrls].map((origin) => bodyOf(`${origin}${changed?.path}`)))
    if (bodies.every(({ body }) => !body.includes(changed?.marker ?? ''))) break
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  await db?.$disconnect()
  await scale?.close()
  if (contentCopy) rmSync(contentCopy, { recursive: true, force: true })
})

async function bodyOf(url: string): Promise<{ status: number; body: string }> {
  const response = await rawRequest(url, { headers: { 'accept-encoding': 'identity' } })
  return { status: response.status, body: response.body.toString() }
}

describe('an ingest against the shared database', () => {
  test(`reaches both instances and nginx within ${boundMs / 1000} s, without a restart and without an error`, async () => {
    const pages = await discoverPages(scale.stack.instanceUrls[0] ?? '')
    const slug = pages.answer.slice('/ask/'.length)
    const file = path.join(contentCopy, 'answers', `${slug}.mdx`)
    expect(existsSync(file), `${file} (answers are stored under their slug)`).toBe(true)
    const origins = [scale.stack.url, ...scale.stack.instanceUrls]
    // Every copy warm: nginx's micro-cache and both instances' page caches hold the page as built.
    for (const origin of origins) {
      for (let i = 0; i < 2; i++) expect((await bodyOf(`${origin}${pages.answer}`)).status).toBe(200)
    }

    const marker = `Consistency marker ${Date.now()}`
    changed = { path: pages.answer, marker }
    appendFileSync(file, `\n\n${marker}: a sentence added by the scale-out test.\n`)
    const report = await ingestContent({ contentDir: contentCopy, db, write: true })
    expect(report.problems).toEqual([])
    expect(report.answers.changed).toBe(1)
    const ingested = performance.now()

    const seenAt = new Map<string, number>()
    const statuses: number[] = []
    while (seenAt.size < origins.length && performance.now() - ingested < boundMs) {
      for (const origin of origins.filter((origin) => !seenAt.has(origin))) {
        const { status, body } = await bodyOf(`${origin}${pages.answer}`)
        statuses.push(status)
        if (body.includes(marker)) seenAt.set(origin, Math.round(performance.now() - ingested))
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    console.log(`changed answer seen after: ${origins.map((origin) => `${origin} ${seenAt.get(origin) ?? 'never'} ms`).join(', ')}`)
    expect([...seenAt.keys()].sort()).toEqual([...origins].sort())
    expect(statuses.filter((status) => status !== 200)).toEqual([])
  })
})
