import 'server-only'
import { plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
// The package's index.js re-exports this file as `default` with an __esModule flag, which Node's ESM loader and
// bundlers unwrap differently; the JSON itself reads the same everywhere.
import chicagoFullNote from '@citation/csl-style-chicago-fullnote-bibliography/info.json'
import type { CslItem } from '@/lib/citations/csl-item'
import { parseCslHtml, type Segment } from '@/lib/citations/rich-text'
import type { CslStyle } from '@/lib/citations/style-items'
import mla9 from '@/lib/citations/styles/modern-language-association.json'

// citation-js and citeproc (~1 MB on its own) are imported only here, and this module only from server code.
// @citation-js/plugin-csl ships APA 7 and Cite Them Right 12th edition (under its old name `harvard1`); MLA 9 and
// Chicago 17 are the official CSL files, from a registry package and from lib/citations/styles/.
const templates: Record<CslStyle, string> = { apa: 'apa', harvard: 'harvard1', mla: 'ask-kb-mla-9', chicago: 'ask-kb-chicago-17-full-note' }
const registry = plugins.config.get('@csl').styles
registry.add(templates.mla, mla9.content)
registry.add(templates.chicago, chicagoFullNote.content)

// The CSL plugin ships one locale, en-US; our site's locale is en-US too.
const lang = 'en-US'

/** The bibliography (reference list) entry for one item. */
export function bibliographyEntry(style: CslStyle, item: CslItem): Segment[] {
  const [entry] = plugins.output.format('bibliography', [item], { template: templates[style], lang, format: 'html', asEntryArray: true })
  if (!entry) throw new Error(`${style} produced no bibliography entry for ${item.id}`)
  return parseCslHtml(entry[1])
}

/** The first (full) footnote for one item, in a note style. */
export function footnote(style: CslStyle, item: CslItem): Segment[] {
  return parseCslHtml(plugins.output.format('citation', [item], { template: templates[style], lang, format: 'html' }))
}

export const toBibtex = (item: CslItem) => plugins.output.format('bibtex', [item], { format: 'text' }).trim()

/**
 * RIS tags from the plugin, one line per tag. The plugin's own text output breaks values every 70 characters,
 * mid-word ("flatt" / "ens"), and importers join such lines with a space, so a long title came back corrupted.
 */
export function toRis(item: CslItem): string {
  const records = plugins.output.format('ris', [item], { format: 'object' })
  return records
    .map((record) => {
      const { TY, ...tags } = record
      const lines = [`TY  - ${String(TY)}`]
      for (const [tag, value] of Object.entries(tags)) for (const one of [value].flat()) lines.push(`${tag}  - ${one}`)
      lines.push('ER  - ')
      return lines.join('\n')
    })
    .join('\n')
}
