// The formats offered under "Cite this answer", in selector order. Plain data, so the client island can list them
// without importing anything that formats.
export const citationFormats = [
  { id: 'apa', label: 'APA 7', kind: 'rich' },
  { id: 'mla', label: 'MLA 9', kind: 'rich' },
  { id: 'chicago-note', label: 'Chicago 17 (note)', kind: 'rich' },
  { id: 'chicago-bibliography', label: 'Chicago 17 (bibliography)', kind: 'rich' },
  { id: 'harvard', label: 'Harvard (Cite Them Right)', kind: 'rich' },
  { id: 'bibtex', label: 'BibTeX', kind: 'code' },
  { id: 'ris', label: 'RIS', kind: 'code' },
  { id: 'csl-json', label: 'CSL-JSON', kind: 'code' },
] as const

export type CitationFormatId = (typeof citationFormats)[number]['id']

/** The element that holds the shown format's text; the copy button reads it from there. */
export const citationElementId = (format: CitationFormatId) => `citation-${format}`

/**
 * The body of `/api/citations/<slug>.json`: every format's plain text, and for the formatted styles the runs of
 * text with their italics, which the client renders as elements (never as HTML from the network).
 */
export type CitationTexts = Record<CitationFormatId, { text: string; segments?: { text: string; italic: boolean }[] }>
