import 'server-only'
import { toCslItem, type CitableAnswer, type CitationSite } from '@/lib/citations/csl-item'
import { bibliographyEntry, footnote, toBibtex, toRis } from '@/lib/citations/engine'
import { segmentsToHtml, segmentsToText, type Segment } from '@/lib/citations/rich-text'
import { itemForStyle, type CslStyle } from '@/lib/citations/style-items'
import { site as defaultSite } from '@/lib/site'

export interface RichCitation {
  segments: Segment[]
  text: string
  /** With `<i>` for italics, ASCII only. */
  html: string
}

export interface Citations {
  apa: RichCitation
  mla: RichCitation
  'chicago-note': RichCitation
  'chicago-bibliography': RichCitation
  harvard: RichCitation
  bibtex: string
  ris: string
  'csl-json': string
}

/** CSL-JSON with one field per line: as readable as fully indented JSON without its dozen lines of brackets. */
const cslJson = (item: object) =>
  `[\n  {\n${Object.entries(item)
    .map(([key, value]) => `    ${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    .join(',\n')}\n  }\n]`

const rich = (segments: Segment[]): RichCitation => ({ segments, text: segmentsToText(segments), html: segmentsToHtml(segments) })

/** Every format of "Cite this answer" for one answer. Runs on the server only (see lib/citations/engine.ts). */
export function formatCitations(answer: CitableAnswer, site: CitationSite = defaultSite): Citations {
  const item = toCslItem(answer, site)
  const entry = (style: CslStyle) => rich(bibliographyEntry(style, itemForStyle(style, item)))
  return {
    apa: entry('apa'),
    mla: entry('mla'),
    'chicago-note': rich(footnote('chicago', itemForStyle('chicago', item))),
    'chicago-bibliography': entry('chicago'),
    harvard: entry('harvard'),
    bibtex: toBibtex(item),
    ris: toRis(item),
    'csl-json': cslJson(item),
  }
}

/** APA 7 alone: the one format the answer page renders; the rest are fetched from the route when chosen. */
export function apaCitation(answer: CitableAnswer, site: CitationSite = defaultSite): RichCitation {
  return rich(bibliographyEntry('apa', itemForStyle('apa', toCslItem(answer, site))))
}

export const citationFileTypes = { bib: 'application/x-bibtex; charset=utf-8', ris: 'application/x-research-info-systems; charset=utf-8' } as const

/** The body of the .bib or .ris download: one record, ending with a newline. */
export function citationFile(answer: CitableAnswer, extension: keyof typeof citationFileTypes, site: CitationSite = defaultSite): string {
  const item = toCslItem(answer, site)
  return `${extension === 'bib' ? toBibtex(item) : toRis(item)}\n`
}
