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

/** The element that holds a format's text on the page; the copy button reads it from there. */
export const citationElementId = (format: CitationFormatId) => `citation-${format}`
