import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestContent } from '@/lib/content/ingest'
import { searchAnswers } from '@/lib/search/search'
import { writeContentDir } from '@/tests/helpers/content-dir'
import { hostileQueries } from '@/tests/helpers/hostile-queries'
import { searchCorpus } from '@/tests/helpers/search-corpus'
import { createTempDb, type TempDb } from '@/tests/helpers/temp-db'
import { testProvider } from '@/tests/helpers/test-database'

// User input never reaches FTS5 or tsquery syntax raw: 10,000 generated hostile strings through the module, with
// random filters and pages, on the suite's database. Any throw fails the test, with the input that caused it.

describe(`search with hostile input (${testProvider})`, () => {
  let temp: TempDb
  beforeAll(async () => {
    temp = await createTempDb()
    const report = await ingestContent({ contentDir: writeContentDir(searchCorpus), db: temp.db, write: true })
    expect(report.problems).toEqual([])
  })
  afterAll(async () => temp.cleanup())

  it('answers 10,000 generated queries without a single error', async () => {
    const queries = hostileQueries(10_000)
    expect(queries.some((q) => q.length === 2000)).toBe(true)
    expect(queries.some((q) => q.includes('\u0000'))).toBe(true)
    let withHits = 0
    for (const [i, q] of queries.entries()) {
      const extra = i % 5 === 0 ? { category: i % 2 ? 'iron-condors' : '../"x"', tag: i % 3 ? 'income' : undefined, page: i % 4 ? '2' : '-1e9' } : {}
      try {
        const results = await searchAnswers(temp.db, { q, ...extra })
        expect(results.query.length).toBeLessThanOrEqual(200)
        if (results.total > 0) withHits++
      } catch (error) {
        throw new Error(`query ${JSON.stringify(q)} threw: ${String(error)}`)
      }
    }
    // The generator reaches real words too, so the matching paths (ranking, snippets, facets) ran, not only the empty one.
    expect(withHits).toBeGreaterThan(300)
  }, 60_000)
})
