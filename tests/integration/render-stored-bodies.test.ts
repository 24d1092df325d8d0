import { copyFileSync, cpSync, mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { renderToString } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderStoredBody } from '@/components/article/MdxContent'
import { ingestContent } from '@/lib/content/ingest'
import { writeContentDir } from '@/tests/helpers/content-dir'
import { createTempDb } from '@/tests/helpers/temp-db'

// "Passes check" must mean "renders": every accepted fixture and every file in content/ is ingested, then each
// stored body is rendered through the page's own renderer and component map.
describe('every accepted body renders from what the store holds', () => {
  let temp: Awaited<ReturnType<typeof createTempDb>>
  let rows: { slug: string; code: string; terms: { slug: string; term: string; short: string }[] }[]
  let glossaryRows: { slug: string; code: string }[]

  beforeAll(async () => {
    temp = await createTempDb()
    const dir = writeContentDir({})
    cpSync('content', dir, { recursive: true })
    mkdirSync(path.join(dir, 'fixtures'))
    for (const name of readdirSync('tests/fixtures/good')) copyFileSync(path.join('tests/fixtures/good', name), path.join(dir, 'fixtures', name))
    const report = await ingestContent({ contentDir: dir, db: temp.db, write: true })
    expect(report.problems).toEqual([])
    const answers = await temp.db.answer.findMany({
      select: { slug: true, code: true, terms: { orderBy: { position: 'asc' }, select: { term: { select: { slug: true, term: true, short: true } } } } },
    })
    rows = answers.map((a) => ({ slug: a.slug, code: a.code, terms: a.terms.map((t) => t.term) }))
    glossaryRows = await temp.db.glossaryTerm.findMany({ select: { slug: true, code: true } })
  }, 120_000)
  afterAll(async () => temp.cleanup())

  it('stores every answer of content/ and every good fixture', () => {
    const expected = readdirSync('content/answers').length + readdirSync('tests/fixtures/good').length
    expect(rows).toHaveLength(expected)
  })

  it('renders each answer body, with a popover link (not a copy of the definition) for each linked term and no component left unrendered', () => {
    for (const row of rows) {
      const html = renderToString(renderStoredBody(row.code, row.terms))
      expect(html.length, row.slug).toBeGreaterThan(100)
      expect(html, row.slug).not.toMatch(/<(Term|Callout|Insights)\b/)
      const popovers = html.match(/aria-describedby="/g) ?? []
      expect(popovers.length, row.slug).toBeGreaterThanOrEqual(row.terms.length)
      for (const term of row.terms) {
        expect(html, `${row.slug} → ${term.slug}`).toContain(`href="/glossary/${term.slug}"`)
        // The definition is on the page once, in the terms list; a body that carried it would send it again.
        expect(html, `${row.slug} → ${term.slug}`).not.toContain(term.short.slice(0, 40))
      }
    }
  })

  it('renders every glossary entry body', () => {
    expect(glossaryRows.length).toBe(readdirSync('content/glossary').length)
    for (const row of glossaryRows) expect(renderToString(renderStoredBody(row.code, [])).length, row.slug).toBeGreaterThan(10)
  })

  it('renders every construct of the every-feature fixture', () => {
    const row = rows.find((r) => r.slug === 'which-markdown-and-components-can-one-answer-use-at-once')
    expect(row).toBeDefined()
    const html = renderToString(renderStoredBody(row?.code ?? '', row?.terms ?? []))
    for (const fragment of ['<h2', '<del>', '<aside aria-label="Note"', '<aside aria-label="A titled tip"', '<aside aria-label="Warning"', '<blockquote>', '<table', 'type="checkbox"', '<pre>', '<img', '<hr/>', 'aria-label="Takeaways"', 'data-footnotes', 'href="http://www.example.com"']) {
      expect(html, fragment).toContain(fragment)
    }
    // The book title in basedOn is not a use of the term "SPX"; code spans stay text.
    expect(html).toContain('as detailed in SPX Mastery by Russell Clark.')
    expect(html).toContain('href="/glossary/spx"')
    expect(html).toContain('&lt;Term slug=&quot;nope&quot;&gt;')
  })
})
