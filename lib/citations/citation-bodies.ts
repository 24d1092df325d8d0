import 'server-only'
import type { CitableAnswer, CitationSite } from '@/lib/citations/csl-item'
import { formatCitations, type RichCitation } from '@/lib/citations/format-citations'
import { citationFormats, type CitationTexts } from '@/lib/citations/formats'
import { site as defaultSite } from '@/lib/site'

const textOf = (citation: RichCitation | string) => (typeof citation === 'string' ? citation : citation.text)
const rich = ({ text, segments }: RichCitation) => ({ text, segments })

/** `/api/citations/<slug>.json`: what the style selector fetches once and keeps for the page's life. */
export function citationTexts(answer: CitableAnswer, site: CitationSite = defaultSite): CitationTexts {
  const c = formatCitations(answer, site)
  return {
    apa: rich(c.apa),
    mla: rich(c.mla),
    'chicago-note': rich(c['chicago-note']),
    'chicago-bibliography': rich(c['chicago-bibliography']),
    harvard: rich(c.harvard),
    bibtex: { text: c.bibtex },
    ris: { text: c.ris },
    'csl-json': { text: c['csl-json'] },
  }
}

/** `/api/citations/<slug>.txt`: every format under its name, for readers without JavaScript (italics are lost). */
export function citationPlainText(answer: CitableAnswer, site: CitationSite = defaultSite): string {
  const citations = formatCitations(answer, site)
  const sections = citationFormats.map(({ id, label }) => `${label}\n\n${textOf(citations[id])}\n`)
  return `Cite this answer: ${answer.title}\n${site.url}/ask/${answer.slug}\n\n${sections.join('\n')}`
}
