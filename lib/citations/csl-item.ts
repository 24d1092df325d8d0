import type { Author } from '@/lib/schemas/author'

/** What a citation needs from an answer (a subset of AnswerDetail, so tests can build one without a database). */
export interface CitableAnswer {
  slug: string
  title: string
  publishedAt: string
  revisedAt: string | null
  authors: readonly Author[]
}

/** What a citation needs from lib/site.ts. */
export interface CitationSite {
  name: string
  publisher: string
  url: string
  locale: string
}

export type CslName = { family: string; given?: string } | { literal: string }

/** The CSL-JSON fields we fill (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export interface CslItem {
  id: string
  type: 'webpage'
  title: string
  author?: CslName[]
  'container-title'?: string
  publisher?: string
  issued: { 'date-parts': [[number, number, number]] }
  URL: string
  language: string
}

const toCslName = (author: Author): CslName =>
  author.kind === 'group' ? { literal: author.name } : { family: author.family, ...(author.given ? { given: author.given } : {}) }

/** Stored dates are UTC midnight of the editor's calendar day, so the ISO date part is the day meant. */
function dateParts(iso: string): [[number, number, number]] {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number)
  if (!year || !month || !day) throw new Error(`not an ISO date: ${iso}`)
  return [[year, month, day]]
}

/**
 * One answer as a CSL-JSON web page on the site. `issued` is the last update when there is one: APA 7 dates a
 * web page by its latest version, and the other styles accept that date as the version cited.
 */
export function toCslItem(answer: CitableAnswer, site: CitationSite): CslItem {
  return {
    id: answer.slug,
    type: 'webpage',
    title: answer.title,
    author: answer.authors.map(toCslName),
    'container-title': site.name,
    publisher: site.publisher,
    issued: { 'date-parts': dateParts(answer.revisedAt ?? answer.publishedAt) },
    URL: `${site.url}/ask/${answer.slug}`,
    language: site.locale,
  }
}
