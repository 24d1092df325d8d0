import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ingestContent } from '@/lib/content/ingest'
import { answerSource, validFields, writeContentDir } from '@/tests/helpers/content-dir'
import { createTempDb } from '@/tests/helpers/temp-db'

// Two spellings with one slug share a page; they must never silently rename each other.
const answer = (title: string, category: string, tags = '[vix]') => answerSource({ ...validFields, title: `"${title}"`, category, tags }, 'Body text.')

describe('category and tag spellings', () => {
  let temp: Awaited<ReturnType<typeof createTempDb>>
  beforeEach(async () => {
    temp = await createTempDb()
  })
  afterEach(async () => temp.cleanup())

  it('two files spelling one category two ways: a problem on the later file, naming the earlier one', async () => {
    const dir = writeContentDir({
      'answers/a.mdx': answer('What is the first answer here?', 'VIX Hedging'),
      'answers/b.mdx': answer('What is the second answer here?', '"vix-hedging!"'),
    })
    const report = await ingestContent({ contentDir: dir, db: temp.db, write: true })
    expect(report.problems).toEqual([
      {
        file: path.join(dir, 'answers/b.mdx'),
        line: 3,
        column: 11,
        message: `category "vix-hedging!" and "VIX Hedging" in ${path.join(dir, 'answers/a.mdx')} would share one page (/category/vix-hedging); spell them the same way`,
      },
    ])
    expect(await temp.db.category.count()).toBe(0)
  })

  it('a new spelling of a stored tag is a problem while other answers keep the old one, and a rename when all change', async () => {
    const dir = writeContentDir({
      'answers/a.mdx': answer('What is the first answer here?', 'VIX Hedging', '[Term Structure]'),
      'answers/b.mdx': answer('What is the second answer here?', 'VIX Hedging', '[Term Structure]'),
    })
    expect((await ingestContent({ contentDir: dir, db: temp.db, write: true })).problems).toEqual([])

    const edited = writeContentDir({
      'answers/a.mdx': answer('What is the first answer here?', 'VIX Hedging', '[term structure]'),
      'answers/b.mdx': answer('What is the second answer here?', 'VIX Hedging', '[Term Structure]'),
    })
    const refused = await ingestContent({ contentDir: edited, db: temp.db, write: true })
    expect(refused.problems).toEqual([
      {
        file: path.join(edited, 'answers/a.mdx'),
        line: 4,
        column: 8,
        message: `tag "term structure" is spelled "Term Structure" by 1 other answer (${path.join(edited, 'answers/b.mdx')}) on the same page /tags/term-structure; use that spelling, or change it in every file at once`,
      },
    ])
    expect((await temp.db.tag.findMany({ select: { name: true } })).map((t) => t.name)).toEqual(['Term Structure'])

    const renamed = writeContentDir({
      'answers/a.mdx': answer('What is the first answer here?', 'VIX Hedging', '[term structure]'),
      'answers/b.mdx': answer('What is the second answer here?', 'VIX Hedging', '[term structure]'),
    })
    expect((await ingestContent({ contentDir: renamed, db: temp.db, write: true })).problems).toEqual([])
    expect((await temp.db.tag.findMany({ select: { name: true } })).map((t) => t.name)).toEqual(['term structure'])
  })

  it('renaming a category in every file renames its page title', async () => {
    const dir = writeContentDir({ 'answers/a.mdx': answer('What is the first answer here?', 'Vix hedging') })
    expect((await ingestContent({ contentDir: dir, db: temp.db, write: true })).problems).toEqual([])
    const renamed = writeContentDir({ 'answers/a.mdx': answer('What is the first answer here?', 'VIX Hedging') })
    expect((await ingestContent({ contentDir: renamed, db: temp.db, write: true })).problems).toEqual([])
    expect(await temp.db.category.findMany({ select: { slug: true, name: true } })).toEqual([{ slug: 'vix-hedging', name: 'VIX Hedging' }])
  })
})
