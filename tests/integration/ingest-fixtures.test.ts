import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestContent } from '@/lib/content/ingest'
import { glossaryEntry, writeContentDir } from '@/tests/helpers/content-dir'
import { dumpStore } from '@/tests/helpers/store-dump'
import { createTempDb } from '@/tests/helpers/temp-db'
import { onPostgres } from '@/tests/helpers/test-database'

// Each bad file is ingested next to a small valid glossary; the exact problem (line, column, message) is pinned.
const cases: { fixture: string; line: number; column: number; message: string }[] = [
  { fixture: 'missing-title.mdx', line: 1, column: 1, message: 'missing required front matter field "title"' },
  {
    fixture: 'unknown-key.mdx',
    line: 3,
    column: 1,
    message: 'unknown front matter field "tittle" (did you mean "title"?); allowed: title, slug, category, tags, author, authors, basedOn, publishedAt, updatedAt, reviewedBy, reviewedAt, summary, draft',
  },
  { fixture: 'impossible-date.mdx', line: 6, column: 14, message: 'front matter "publishedAt" 2026-13-45 is not a real calendar date' },
  { fixture: 'updated-before-published.mdx', line: 7, column: 12, message: 'front matter "updatedAt" (2026-03-01) is before publishedAt (2026-03-14)' },
  {
    fixture: 'invalid-yaml.mdx',
    line: 5,
    column: 1,
    message: 'invalid YAML in front matter: Flow sequence in block collection must be sufficiently indented and end with a ]',
  },
  { fixture: 'unclosed-jsx.mdx', line: 11, column: 1, message: '<Callout> is never closed: add </Callout> after its content' },
  { fixture: 'expression.mdx', line: 9, column: 15, message: 'JavaScript expressions in braces are not allowed; to show a literal brace in text, write \\{ and \\}' },
  {
    fixture: 'unknown-component.mdx',
    line: 11,
    column: 1,
    message: 'unknown component <Chart>; allowed components: Callout, Insights, Term (for a literal "<" in text, write \\<)',
  },
  {
    fixture: 'script-tag.mdx',
    line: 11,
    column: 1,
    message: '<script> is not allowed in answers; allowed components: Callout, Insights, Term (for a literal "<" in text, write \\<)',
  },
  {
    // The position MDX quotes inside its message is rewritten to file lines too.
    fixture: 'mismatched-tag.mdx',
    line: 13,
    column: 1,
    message:
      'MDX syntax error: Unexpected closing tag `</Insights>`, expected corresponding closing tag for `<Callout>` (9:1-9:21) (to write a literal "<" in text, use \\<)',
  },
  { fixture: 'html-comment.mdx', line: 11, column: 2, message: 'HTML comments (<!-- ... -->) are not supported in answers; delete the comment' },
  // A plain .md file with a comment over two lines: the same message, on one line.
  { fixture: 'html-comment-multiline.md', line: 11, column: 1, message: 'HTML comments (<!-- ... -->) are not supported in answers; delete the comment' },
  {
    fixture: 'html-void-tag.mdx',
    line: 11,
    column: 1,
    message: '<img> is raw HTML, which answers cannot use; write it in Markdown or with an allowed component',
  },
  {
    fixture: 'html-block.mdx',
    line: 9,
    column: 1,
    message: 'raw HTML <div> is not allowed; write it in Markdown or with an allowed component; allowed components: Callout, Insights, Term (for a literal "<" in text, write \\<)',
  },
  { fixture: 'event-handler.mdx', line: 9, column: 21, message: 'event handler attribute "onClick" is not allowed on <Callout>' },
  { fixture: 'javascript-url.mdx', line: 9, column: 6, message: 'unsafe URL "javascript:alert(1)": javascript:, vbscript: and data: links are not allowed' },
  {
    fixture: 'stray-less-than.mdx',
    line: 9,
    column: 28,
    message:
      'MDX syntax error: Unexpected character `1` (U+0031) before name, expected a character that can start a name, such as a letter, `$`, or `_` (to write a literal "<" in text, use \\<)',
  },
  {
    fixture: 'stray-brace.mdx',
    line: 9,
    column: 32,
    message: 'MDX syntax error: Unexpected end of file in expression, expected a corresponding closing brace for `{` (to write a literal "{" in text, use \\{)',
  },
  {
    fixture: 'unknown-term.mdx',
    line: 9,
    column: 12,
    message: 'unknown glossary term slug "no-such-term" in <Term>; add content/glossary/no-such-term.mdx or fix the slug',
  },
  { fixture: 'empty-body.mdx', line: 8, column: 1, message: 'the answer body is empty: write the answer below the front matter' },
  { fixture: 'deep-list.mdx', line: 11, column: 1, message: 'lists or block quotes nested too deeply (1000 levels; the limit is 100)' },
  { fixture: 'deep-components.mdx', line: 11, column: 1, message: 'components nested too deeply (150 levels; the limit is 100)' },
  // Prototype names are not components, attributes or values: look-ups are own-property only.
  {
    fixture: 'prototype-component.mdx',
    line: 11,
    column: 1,
    message: 'raw HTML <constructor> is not allowed; write it in Markdown or with an allowed component; allowed components: Callout, Insights, Term (for a literal "<" in text, write \\<)',
  },
  { fixture: 'prototype-attribute.mdx', line: 11, column: 22, message: 'unknown attribute "constructor" on <Callout>; allowed: type, title' },
  { fixture: 'prototype-callout-type.mdx', line: 11, column: 10, message: '<Callout type="hasOwnProperty"> must be one of: info, tip, warning' },
  // Placements the renderer cannot honour are refused by the checker, so "passes check" means "renders".
  { fixture: 'term-in-heading.mdx', line: 11, column: 10, message: '<Term> is not allowed in a heading (glossary links are never shown in headings); write the plain words' },
  { fixture: 'term-in-link.mdx', line: 11, column: 13, message: '<Term> cannot be inside a link; take one of them out' },
  { fixture: 'term-in-term.mdx', line: 11, column: 27, message: '<Term> cannot be inside a <Term>; take one of them out' },
  {
    fixture: 'callout-in-sentence.mdx',
    line: 11,
    column: 11,
    message: '<Callout> is a block: put <Callout> and </Callout> on lines of their own, with blank lines around it, not inside a sentence, heading, link or table cell',
  },
  // A tag or category without letters or digits has no page address; two spellings of one tag are one tag.
  { fixture: 'empty-tag-slug.mdx', line: 4, column: 13, message: 'front matter "tags[1]" "???" has no letters or digits to make its page address from; use words' },
  { fixture: 'empty-category-slug.mdx', line: 3, column: 11, message: 'front matter "category" "!!!" has no letters or digits to make its page address from; use words' },
  { fixture: 'duplicate-tag.mdx', line: 4, column: 22, message: 'front matter "tags[2]" "hedging" is the same tag as "Hedging" (both /tags/hedging); list it once' },
  { fixture: 'invalid-utf8.mdx', line: 9, column: 7, message: 'invalid UTF-8: save the file with UTF-8 encoding' },
]

const glossary = {
  'glossary/vix.mdx': glossaryEntry('VIX', ['Cboe Volatility Index'], ['contango']),
  'glossary/contango.mdx': glossaryEntry('Contango', [], ['vix']),
}

describe('bad content is rejected with its exact position and nothing is written', () => {
  let temp: Awaited<ReturnType<typeof createTempDb>>
  let before: string
  // The whole store as it is: the SQLite file's bytes, or every PostgreSQL row and sequence.
  const storeState = async () => (onPostgres ? JSON.stringify(await dumpStore(temp.url)) : readFileSync(temp.file).toString('base64'))

  beforeAll(async () => {
    temp = await createTempDb()
    // Start from a store that already holds content, so "unchanged" is meaningful.
    const good = writeContentDir({
      ...glossary,
      'answers/good.mdx': `---\ntitle: "What is a good answer?"\ncategory: VIX Hedging\ntags: [vix]\nauthor: VixShield Research Team\npublishedAt: 2026-01-02\n---\n\nThe VIX is in contango.\n`,
    })
    const report = await ingestContent({ contentDir: good, db: temp.db, write: true })
    expect(report.problems).toEqual([])
    await temp.db.$disconnect()
    before = await storeState()
  })
  afterAll(async () => temp.cleanup())

  for (const expected of cases) {
    it(expected.fixture, async () => {
      const dir = writeContentDir(glossary)
      mkdirSync(path.join(dir, 'answers'), { recursive: true })
      copyFileSync(path.join('tests/fixtures/bad', expected.fixture), path.join(dir, 'answers', expected.fixture))
      const report = await ingestContent({ contentDir: dir, db: temp.db, write: true })
      expect(report.problems).toEqual([{ file: path.join(dir, 'answers', expected.fixture), line: expected.line, column: expected.column, message: expected.message }])
      await temp.db.$disconnect()
      expect(await storeState()).toBe(before)
    })
  }

  it('duplicate slugs name both files', async () => {
    const dir = writeContentDir(glossary)
    mkdirSync(path.join(dir, 'answers'))
    for (const name of ['duplicate-a.mdx', 'duplicate-b.mdx']) copyFileSync(path.join('tests/fixtures/bad', name), path.join(dir, 'answers', name))
    const report = await ingestContent({ contentDir: dir, db: temp.db, write: true })
    expect(report.problems).toEqual([
      {
        file: path.join(dir, 'answers/duplicate-b.mdx'),
        line: 2,
        column: 8,
        message: `duplicate slug "which-file-owns-this-duplicated-slug": also used by ${path.join(dir, 'answers/duplicate-a.mdx')}`,
      },
    ])
  })

  it('import and export statements are each reported', async () => {
    const dir = writeContentDir(glossary)
    mkdirSync(path.join(dir, 'answers'))
    copyFileSync('tests/fixtures/bad/import-export.mdx', path.join(dir, 'answers/import-export.mdx'))
    const report = await ingestContent({ contentDir: dir, db: temp.db, write: true })
    const message = 'import/export statements are not allowed; allowed components are available without importing'
    const file = path.join(dir, 'answers/import-export.mdx')
    expect(report.problems).toEqual([
      { file, line: 9, column: 1, message },
      { file, line: 13, column: 1, message },
    ])
  })

  it('a file over 256 KB is refused before it is read', async () => {
    const dir = writeContentDir(glossary)
    mkdirSync(path.join(dir, 'answers'))
    writeFileSync(path.join(dir, 'answers/huge.mdx'), `---\ntitle: "Huge"\n---\n${'x'.repeat(1024 * 1024)}`)
    const report = await ingestContent({ contentDir: dir, db: temp.db, write: true })
    expect(report.problems).toEqual([{ file: path.join(dir, 'answers/huge.mdx'), line: 1, column: 1, message: 'file is 1025 KB; the limit is 256 KB' }])
  })

  it('reports every problem across files at once, sorted, and still writes nothing', async () => {
    const dir = writeContentDir(glossary)
    mkdirSync(path.join(dir, 'answers'))
    for (const { fixture } of cases) copyFileSync(path.join('tests/fixtures/bad', fixture), path.join(dir, 'answers', fixture))
    const report = await ingestContent({ contentDir: dir, db: temp.db, write: true })
    expect(report.problems.length).toBe(cases.length)
    expect(report.problems.map((p) => path.basename(p.file))).toEqual(cases.map((c) => c.fixture).sort())
    await temp.db.$disconnect()
    expect(await storeState()).toBe(before)
  })
})
