import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { toCslItem, type CitableAnswer, type CitationSite } from '@/lib/citations/csl-item'
import { citationFile, formatCitations } from '@/lib/citations/format-citations'
import { parseCslHtml, segmentsToHtml, segmentsToText } from '@/lib/citations/rich-text'
import { itemForStyle } from '@/lib/citations/style-items'
import mla9 from '@/lib/citations/styles/modern-language-association.json'

const site: CitationSite = { name: 'Ask VixShield', publisher: 'VixShield Research Team', url: 'https://www.vixshield.com', locale: 'en-US' }
const longTitle = 'How does the ALVH hedge actually respond when VIX term structure flattens below +3.5% or goes into backwardation?'

const base: CitableAnswer = {
  slug: 'alvh',
  title: longTitle,
  publishedAt: '2026-03-14T00:00:00.000Z',
  revisedAt: null,
  authors: [{ kind: 'group', name: 'VixShield Research Team' }],
}

describe('toCslItem: an answer as a CSL-JSON web page', () => {
  it('maps the answer and the site', () => {
    expect(toCslItem(base, site)).toEqual({
      id: 'alvh',
      type: 'webpage',
      title: longTitle,
      author: [{ literal: 'VixShield Research Team' }],
      'container-title': 'Ask VixShield',
      publisher: 'VixShield Research Team',
      issued: { 'date-parts': [[2026, 3, 14]] },
      URL: 'https://www.vixshield.com/ask/alvh',
      language: 'en-US',
    })
  })

  it('dates the item by its last update when there is one', () => {
    expect(toCslItem({ ...base, revisedAt: '2026-09-02T00:00:00.000Z' }, site).issued).toEqual({ 'date-parts': [[2026, 9, 2]] })
  })

  it('names people as family and given, groups as a literal, in order', () => {
    const authors = toCslItem(
      { ...base, authors: [{ kind: 'person', family: 'Clark', given: 'Russell' }, { kind: 'person', family: 'Plato' }, { kind: 'group', name: 'Desk' }] },
      site,
    ).author
    expect(authors).toEqual([{ family: 'Clark', given: 'Russell' }, { family: 'Plato' }, { literal: 'Desk' }])
  })

  it('takes the URL from the configured site', () => {
    expect(toCslItem(base, { ...site, url: 'http://127.0.0.1:3400' }).URL).toBe('http://127.0.0.1:3400/ask/alvh')
  })
})

describe('itemForStyle: organisations named once', () => {
  const item = toCslItem(base, site)
  it('gives APA, Chicago and Cite Them Right the site and no publisher', () => {
    for (const style of ['apa', 'chicago', 'harvard'] as const) {
      const styled = itemForStyle(style, item)
      expect(styled.publisher, style).toBeUndefined()
      expect(styled['container-title'], style).toBe('Ask VixShield')
      expect(styled.author, style).toEqual([{ literal: 'VixShield Research Team' }])
    }
  })
  it('starts MLA with the title when the author is the publisher', () => {
    const mla = itemForStyle('mla', item)
    expect(mla.author).toBeUndefined()
    expect(mla.publisher).toBe('VixShield Research Team')
  })
  it('keeps a person in MLA, with the publisher', () => {
    const mla = itemForStyle('mla', toCslItem({ ...base, authors: [{ kind: 'person', family: 'Clark', given: 'Russell' }] }, site))
    expect(mla.author).toEqual([{ family: 'Clark', given: 'Russell' }])
    expect(mla.publisher).toBe('VixShield Research Team')
  })
  it('curls straight quotes and drops a closing full stop, leaving an ellipsis alone', () => {
    expect(itemForStyle('apa', { ...item, title: `What's "theta" and 'vega'?` }).title).toBe('What’s “theta” and ‘vega’?')
    expect(itemForStyle('apa', { ...item, title: 'Hedge first.' }).title).toBe('Hedge first')
    expect(itemForStyle('apa', { ...item, title: 'And then...' }).title).toBe('And then...')
  })
})

describe('parseCslHtml: only the markup we expect', () => {
  it('reads italics and entities', () => {
    const segments = parseCslHtml('<div class="csl-entry">A &#38; B. <i>T &#60;x&#62;</i> &amp;c</div>')
    expect(segments).toEqual([
      { text: 'A & B. ', italic: false },
      { text: 'T <x>', italic: true },
      { text: ' &c', italic: false },
    ])
    expect(segmentsToText(segments)).toBe('A & B. T <x> &c')
    expect(segmentsToHtml(segments)).toBe('A &amp; B. <i>T &lt;x&gt;</i> &amp;c')
  })
  it('refuses any other element, an unknown entity or unbalanced italics', () => {
    expect(() => parseCslHtml('<b>x</b>')).toThrow(/unexpected markup <b>/)
    expect(() => parseCslHtml('<span style="font-variant:small-caps;">x</span>')).toThrow(/unexpected markup/)
    expect(() => parseCslHtml('x &nbsp; y')).toThrow(/unexpected entity &nbsp;/)
    expect(() => parseCslHtml('<i>x')).toThrow(/unclosed/)
    expect(() => parseCslHtml('<i><i>x</i></i>')).toThrow(/unexpected markup <i>/)
  })
})

describe('BibTeX, RIS and CSL-JSON', () => {
  const answer: CitableAnswer = { ...base, authors: [{ kind: 'person', family: 'Clark', given: 'Russell' }, { kind: 'group', name: 'VixShield Research Team' }] }
  const citations = formatCitations(answer, site)

  it('BibTeX: one @misc entry, people as "Family, Given", a group in braces, LaTeX escapes', () => {
    expect(citations.bibtex).toMatch(/^@misc\{Clark2026How,\n/)
    expect(citations.bibtex).toContain('\tauthor = {Clark, Russell and {VixShield Research Team}},\n')
    expect(citations.bibtex).toContain('\tyear = {2026},\n')
    expect(citations.bibtex).toContain('below +3.5\\% or goes')
    expect(citations.bibtex).toContain('How does the {ALVH} hedge')
    expect(citations.bibtex).toContain('\turl = {https://www.vixshield.com/ask/alvh},\n')
    expect(citations.bibtex).toMatch(/\}$/)
  })

  it('RIS: a web page record, one line per tag, long values unbroken', () => {
    expect(citations.ris.split('\n')).toEqual([
      'TY  - ELEC',
      'AU  - Clark, Russell',
      'AU  - VixShield Research Team',
      'DA  - 2026/3/14/',
      'PY  - 2026',
      'ID  - alvh',
      'LA  - en-US',
      'PB  - VixShield Research Team',
      `TI  - ${longTitle}`,
      'UR  - https://www.vixshield.com/ask/alvh',
      'ER  - ',
    ])
  })

  it('CSL-JSON: the item itself, as an array', () => {
    expect(JSON.parse(citations['csl-json'])).toEqual([toCslItem(answer, site)])
  })

  it('download bodies end with a newline', () => {
    expect(citationFile(answer, 'bib', site)).toBe(`${citations.bibtex}\n`)
    expect(citationFile(answer, 'ris', site)).toBe(`${citations.ris}\n`)
  })
})

describe('the vendored MLA 9 style', () => {
  it('is the official file, unchanged', () => {
    expect(createHash('sha256').update(mla9.content, 'utf8').digest('hex')).toBe(mla9.sha256)
    expect(mla9.content).toContain('<id>http://www.zotero.org/styles/modern-language-association</id>')
    expect(mla9.content).toContain('<title>Modern Language Association 9th edition</title>')
    expect(mla9.content).toContain('<rights license="http://creativecommons.org/licenses/by-sa/3.0/">')
  })
})
