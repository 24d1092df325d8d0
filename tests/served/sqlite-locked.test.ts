import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyBuild, ingestContent, serveBuild, type BuildCopy, type ServedSite } from '@/tests/helpers/served-build'

// The same build served from a SQLite file that another process keeps write-locked (as a long ingest does): the
// writes that wait out the busy timeout answer 503, reads go on (WAL), and the log names SQLite and the file,
// never PostgreSQL.

const port = Number(process.env.OUTAGE_E2E_PORT ?? 3475) + 1
const folder = mkdtempSync(path.join(tmpdir(), 'ask-kb-locked-'))
const file = path.join(folder, 'kb.db')

let copy: BuildCopy
let site: ServedSite
let answer: string

const postView = (slug: string) =>
  fetch(`${site.base}/api/views`, { method: 'POST', headers: { 'content-type': 'application/json', origin: site.base }, body: JSON.stringify({ slug }) })

beforeAll(async () => {
  ingestContent(`file:${file}`)
  copy = copyBuild()
  const first = copy.answerPaths[0]
  if (!first) throw new Error('the build pre-rendered no answers')
  answer = first
  copy.forget(answer)
  site = await serveBuild(copy, port, `file:${file}`)
})

afterAll(async () => {
  await site?.stop()
  copy?.remove()
  rmSync(folder, { recursive: true, force: true })
})

describe('SQLite file locked by another process under a running site', () => {
  it('a view (a write) answers 503 JSON after the busy timeout; a page never opened still renders; then both work', async () => {
    const slug = answer.replace('/ask/', '')
    expect((await postView(slug)).status).toBe(200)
    const holder = new Database(file)
    try {
      holder.exec('BEGIN IMMEDIATE')
      const blocked = await postView(slug)
      expect([blocked.status, blocked.headers.get('retry-after')]).toEqual([503, '60'])
      expect(await blocked.json()).toEqual({ error: 'temporarily unavailable; try again in a minute' })
      expect((await fetch(`${site.base}${answer}`)).status).toBe(200)
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    expect((await postView(slug)).status).toBe(200)
  })

  it('the log says which file is locked, names SQLite and not PostgreSQL, and has no stack trace', () => {
    const log = site.log()
    expect(log.filter((line) => line.startsWith('database unreachable: '))).toEqual([
      `database unreachable: DATABASE_URL file:${file}: the SQLite file ${file} is locked by another process (still busy after the 5 s timeout)`,
    ])
    expect(log.join('\n')).not.toMatch(/PostgreSQL|^\s+at |PrismaClient|⨯/m)
    expect(log.some((line) => line.startsWith('database back after '))).toBe(true)
  })
})
