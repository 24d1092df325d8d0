import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ingestContent } from '@/lib/content/ingest'
import { answerSource, validFields, writeContentDir } from '@/tests/helpers/content-dir'
import { createTempDb } from '@/tests/helpers/temp-db'

const answer = (body: string, extra: Record<string, string> = {}) => answerSource({ ...validFields, title: '"What moves the VIX index?"', ...extra }, body)
const slug = 'what-moves-the-vix-index'

// Answers are written by one multi-row upsert: an existing row must be updated in place, never replaced.
describe('re-ingesting an answer updates its row in place', () => {
  let temp: Awaited<ReturnType<typeof createTempDb>>
  let dir: string
  beforeEach(async () => {
    temp = await createTempDb()
    dir = writeContentDir({ 'answers/one.mdx': answer('First version.'), 'answers/other.mdx': answerSource(validFields, 'Another answer.') })
    await ingestContent({ contentDir: dir, db: temp.db, write: true })
    await temp.db.answer.update({ where: { slug }, data: { views: 41 } })
  })
  afterEach(async () => temp.cleanup())

  it('keeps id and view count through a change, an unpublish and a return, and replaces every other column', async () => {
    const original = await temp.db.answer.findUniqueOrThrow({ where: { slug } })
    writeFileSync(path.join(dir, 'answers/one.mdx'), answer('Second version.', { category: 'Crash Hedges', updatedAt: '2026-05-01', draft: 'true' }))
    await ingestContent({ contentDir: dir, db: temp.db, write: true })
    const changed = await temp.db.answer.findUniqueOrThrow({ where: { slug }, include: { category: true } })
    expect(changed).toMatchObject({ id: original.id, views: 41, summary: 'Second version.', draft: true, unpublishedAt: null, category: { slug: 'crash-hedges' } })
    expect(changed.revisedAt?.toISOString()).toBe('2026-05-01T00:00:00.000Z')
    expect(changed.publishedAt.toISOString()).toBe('2026-03-14T00:00:00.000Z')
    expect(changed.contentHash).not.toBe(original.contentHash)

    rmSync(path.join(dir, 'answers/one.mdx'))
    await ingestContent({ contentDir: dir, db: temp.db, write: true })
    expect((await temp.db.answer.findUniqueOrThrow({ where: { slug } })).unpublishedAt).not.toBeNull()

    writeFileSync(path.join(dir, 'answers/one.mdx'), answer('Third version.'))
    await ingestContent({ contentDir: dir, db: temp.db, write: true })
    const back = await temp.db.answer.findUniqueOrThrow({ where: { slug } })
    expect(back).toMatchObject({ id: original.id, views: 41, summary: 'Third version.', draft: false, unpublishedAt: null, revisedAt: null })
    expect(await temp.db.answer.count()).toBe(2)
  })
})
