import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ingestContent } from '@/lib/content/ingest'
import { readIngestState } from '@/lib/data/ingest-revision'
import { ContentChanges } from '@/lib/http/content-changes'
import { answerSource, glossaryEntry, validFields, writeContentDir } from '@/tests/helpers/content-dir'
import { createTempDb, type TempDb } from '@/tests/helpers/temp-db'

// What every server instance watches to drop cached pages after an ingest run elsewhere: the real store, written by
// the real ingest.
describe('ContentChanges on a real store', () => {
  let temp: TempDb
  let dir: string
  let clock: number
  let changes: ContentChanges
  beforeEach(async () => {
    temp = await createTempDb()
    dir = writeContentDir({
      'glossary/vix.mdx': glossaryEntry('VIX', [], []),
      'answers/one.mdx': answerSource({ ...validFields, title: '"What moves the VIX index?"' }, 'The VIX rises when puts get bid.'),
    })
    clock = 1_000_000
    changes = new ContentChanges(60_000, () => readIngestState(temp.db), () => clock)
  })
  afterEach(async () => {
    changes.stop()
    await temp.cleanup()
  })
  const ingest = async () => expect((await ingestContent({ contentDir: dir, db: temp.db, write: true })).problems).toEqual([])

  it('marks nothing stale on a store no ingest has written', async () => {
    await changes.poll()
    expect(changes.staleBefore()).toBe(0)
  })

  it('on first sight, dates the content by the last ingest (pages built before it are stale)', async () => {
    const before = Date.now()
    await ingest()
    await changes.poll()
    const updatedAt = (await readIngestState(temp.db)).updatedAt
    expect(updatedAt).toBeGreaterThanOrEqual(before - 1000)
    expect(changes.staleBefore()).toBe(updatedAt + 1000)
  })

  it('moves the watermark to the moment it sees a new revision, and only then', async () => {
    await ingest()
    await changes.poll()
    const first = changes.staleBefore()
    clock = 2_000_000
    await changes.poll()
    expect(changes.staleBefore()).toBe(first)
    // An unchanged re-ingest writes nothing and moves nothing.
    await ingest()
    await changes.poll()
    expect(changes.staleBefore()).toBe(first)

    writeFileSync(path.join(dir, 'answers/one.mdx'), answerSource({ ...validFields, title: '"What moves the VIX index?"' }, 'Edited: puts get bid.'))
    await ingest()
    clock = 3_000_000
    await changes.poll()
    expect(changes.staleBefore()).toBe(3_000_000 + 1000)
  })

  it('keeps the last watermark while the store cannot be read, and picks up changes once it can', async () => {
    let broken = false
    const flaky = new ContentChanges(60_000, async () => {
      if (broken) throw new Error('database unreachable')
      return readIngestState(temp.db)
    }, () => clock)
    await ingest()
    await flaky.poll()
    const seen = flaky.staleBefore()
    broken = true
    await flaky.poll()
    expect(flaky.staleBefore()).toBe(seen)
    writeFileSync(path.join(dir, 'answers/one.mdx'), answerSource({ ...validFields, title: '"What moves the VIX index?"' }, 'Edited while unread.'))
    await ingest()
    broken = false
    clock = 5_000_000
    await flaky.poll()
    expect(flaky.staleBefore()).toBe(5_001_000)
    flaky.stop()
  })
})
