import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestContent } from '@/lib/content/ingest'
import { listPopularAnswers } from '@/lib/data/popular-answers'
import { suggestQuery } from '@/lib/search/suggest'
import { writeContentDir } from '@/tests/helpers/content-dir'
import { searchCorpus } from '@/tests/helpers/search-corpus'
import { createTempDb, type TempDb } from '@/tests/helpers/temp-db'
import { testProvider } from '@/tests/helpers/test-database'

describe(`search empty state: did-you-mean and most read (${testProvider})`, () => {
  let temp: TempDb
  beforeAll(async () => {
    temp = await createTempDb()
    const report = await ingestContent({ contentDir: writeContentDir(searchCorpus), db: temp.db, write: true })
    expect(report.problems).toEqual([])
  })
  afterAll(async () => temp.cleanup())

  it('corrects misspelt words from titles, tags, categories and glossary names, keeping known words', async () => {
    expect(await suggestQuery(temp.db, 'iron condr')).toBe('iron condor')
    expect(await suggestQuery(temp.db, 'contnago')).toBe('contango')
    expect(await suggestQuery(temp.db, 'advanse decline')).toBe('advance decline')
    expect(await suggestQuery(temp.db, '"brreadth" roll')).toBe('breadth roll')
  })

  it('offers nothing when every word is known, too short, or has no close match', async () => {
    expect(await suggestQuery(temp.db, 'iron condor')).toBeNull()
    expect(await suggestQuery(temp.db, 'zz')).toBeNull()
    expect(await suggestQuery(temp.db, 'xylophone')).toBeNull()
    expect(await suggestQuery(temp.db, '')).toBeNull()
  })

  it('never suggests from drafts, and sees new titles after an ingest', async () => {
    // "skew" is only in the draft's title.
    expect(await suggestQuery(temp.db, 'skeww')).toBeNull()
    const report = await ingestContent({ contentDir: writeContentDir({ ...searchCorpus, 'answers/draft.mdx': (searchCorpus['answers/draft.mdx'] ?? '').replace('draft: true', 'draft: false') }), db: temp.db, write: true })
    expect(report.problems).toEqual([])
    expect(await suggestQuery(temp.db, 'skeww')).toBe('skew')
  })

  it('lists the most viewed public answers first', async () => {
    await temp.db.answer.update({ where: { slug: 'what-is-roll-yield' }, data: { views: 40 } })
    await temp.db.answer.update({ where: { slug: 'why-roll-a-position-early' }, data: { views: 7 } })
    const popular = await listPopularAnswers(temp.db, 3)
    expect(popular.map((answer) => answer.slug).slice(0, 2)).toEqual(['what-is-roll-yield', 'why-roll-a-position-early'])
    expect(popular).toHaveLength(3)
  })
})
