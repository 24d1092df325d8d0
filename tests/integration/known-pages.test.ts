import { setTimeout as sleep } from 'node:timers/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { ingestContent } from '@/lib/content/ingest'
import { createDb } from '@/lib/db'
import { env } from '@/lib/env'
import { KnownPages, loadPageIndex, type PageIndex } from '@/lib/http/known-pages'
import { deployMigrations } from '@/lib/migrate/migrations'
import { answerSource, glossaryEntry, validFields, writeContentDir } from '@/tests/helpers/content-dir'

const answer = (title: string, category: string, tags: string, extra: Record<string, string> = {}) =>
  answerSource({ ...validFields, title: `"${title}"`, category, tags, ...extra }, `Body of ${title}.`)

// Reads go through the process-wide client, pointed at a private file by tests/helpers/setup-env.ts.
beforeAll(async () => {
  await deployMigrations({ databaseUrl: env.DATABASE_URL })
  const dir = writeContentDir({
    'glossary/vix.mdx': glossaryEntry('VIX'),
    'a.mdx': answer('Which answer is public here?', 'VIX Hedging', '[vix, hedging]'),
    'b.mdx': answer('Which answer is only a draft?', 'Draft Only Category', '[draft-only-tag]', { draft: 'true' }),
  })
  const db = createDb(env.DATABASE_URL)
  expect((await ingestContent({ contentDir: dir, db, write: true })).problems).toEqual([])
  await db.$disconnect()
})

describe('loadPageIndex', () => {
  it('lists the slugs every content route has a page for, and nothing a draft alone would make', async () => {
    const index = await loadPageIndex()
    expect([...index.keys()]).toEqual(['ask', 'category', 'tags', 'glossary'])
    expect([...(index.get('ask') ?? [])]).toEqual(['which-answer-is-public-here'])
    expect([...(index.get('category') ?? [])]).toEqual(['vix-hedging'])
    expect([...(index.get('tags') ?? [])].sort()).toEqual(['hedging', 'vix'])
    expect([...(index.get('glossary') ?? [])]).toEqual(['vix'])
  })
})

describe('KnownPages', () => {
  it('calls a content URL missing only when its route is a content route and its slug is not stored', async () => {
    const pages = new KnownPages(60_000)
    expect(await pages.isMissingContentPage('/ask/no-such-answer')).toBe(true)
    expect(await pages.isMissingContentPage('/category/draft-only-category')).toBe(true)
    expect(await pages.isMissingContentPage('/tags/constructor')).toBe(true)
    expect(await pages.isMissingContentPage('/ask/which-answer-is-public-here')).toBe(false)
    expect(await pages.isMissingContentPage('/glossary/vix')).toBe(false)
    for (const other of ['/index', '/tags', '/glossary', '/api/views', '/ask/a/b', '/_not-found', '/no-such-route/x']) {
      expect(await pages.isMissingContentPage(other), other).toBe(false)
    }
  })

  it('knows a page stored after its index loaded once the index is older than its maximum age, loading once at a time', async () => {
    const stored = new Set(['old'])
    let loads = 0
    const load = async (): Promise<PageIndex> => {
      loads += 1
      await sleep(20)
      return new Map([['ask', new Set(stored)]])
    }
    const pages = new KnownPages(100, load)
    expect(await Promise.all(Array.from({ length: 20 }, () => pages.isMissingContentPage('/ask/old')))).toEqual(Array(20).fill(false))
    expect(loads).toBe(1)
    stored.add('new')
    expect(await pages.isMissingContentPage('/ask/new')).toBe(true)
    await sleep(120)
    expect(await pages.isMissingContentPage('/ask/new')).toBe(false)
    expect(loads).toBe(2)
  })

  it('answers for a slug the last index knew without waiting for the reload, and reloads behind it', async () => {
    let loads = 0
    let release = () => {}
    const load = async (): Promise<PageIndex> => {
      loads += 1
      // The first load returns at once; the second waits until the test lets it go.
      if (loads > 1) await new Promise<void>((resolve) => (release = resolve))
      return new Map([['ask', new Set(loads > 1 ? ['old', 'new'] : ['old'])]])
    }
    const pages = new KnownPages(50, load)
    expect(await pages.isMissingContentPage('/ask/old')).toBe(false)
    await sleep(60)
    expect(await pages.isMissingContentPage('/ask/old')).toBe(false)
    expect(loads).toBe(2)
    // A slug the stale index does not know waits for the reload in flight, and is found in it.
    const pending = pages.isMissingContentPage('/ask/new')
    release()
    expect(await pending).toBe(false)
    expect(loads).toBe(2)
  })
})
