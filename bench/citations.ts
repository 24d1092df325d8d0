// What "Cite this answer" costs per answer: every format is formatted when the answer page renders (at build and
// at each ISR refresh), so this is added to each page render. Prints the first call in a process (style parsing
// and engine set-up included) and the steady state, per format.
import type { CitableAnswer, CitationSite } from '@/lib/citations/csl-item'
import type { Author } from '@/lib/schemas/author'

export interface CitationBench {
  answers: number
  importMs: number
  firstAnswerMs: number
  msPerAnswer: number
  msPerFormat: Record<string, number>
}

const site: CitationSite = { name: 'Ask VixShield', publisher: 'VixShield Research Team', url: 'https://www.vixshield.com', locale: 'en-US' }
const authorSets: Author[][] = [
  [{ kind: 'group', name: 'VixShield Research Team' }],
  [{ kind: 'person', family: 'Clark', given: 'Russell' }],
  [{ kind: 'person', family: 'Clark', given: 'Russell' }, { kind: 'person', family: 'Doe', given: 'Jane Ann' }, { kind: 'person', family: 'Roe', given: 'Max' }],
]

function answers(count: number): CitableAnswer[] {
  return Array.from({ length: count }, (_, i) => ({
    slug: `generated-answer-${i}`,
    title: `How does hedge number ${i} respond when the VIX term structure flattens below +3.5% or goes into 'backwardation'?`,
    publishedAt: `2026-0${(i % 9) + 1}-1${i % 10}T00:00:00.000Z`,
    revisedAt: i % 2 ? `2026-10-0${(i % 9) + 1}T00:00:00.000Z` : null,
    authors: authorSets[i % authorSets.length] ?? [],
  }))
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
const round = (value: number) => Math.round(value * 100) / 100

export async function benchCitations(count = 300): Promise<CitationBench> {
  const importStart = performance.now()
  const { formatCitations } = await import('@/lib/citations/format-citations')
  const { toCslItem } = await import('@/lib/citations/csl-item')
  const { bibliographyEntry, footnote, toBibtex, toRis } = await import('@/lib/citations/engine')
  const { itemForStyle } = await import('@/lib/citations/style-items')
  const importMs = performance.now() - importStart

  const list = answers(count)
  const [first, ...rest] = list
  if (!first) throw new Error('no answers')
  const firstStart = performance.now()
  formatCitations(first, site)
  const firstAnswerMs = performance.now() - firstStart

  const rounds: number[] = []
  for (let round = 0; round < 3; round++) {
    const start = performance.now()
    for (const answer of rest) formatCitations(answer, site)
    rounds.push((performance.now() - start) / rest.length)
  }

  const items = rest.map((answer) => toCslItem(answer, site))
  const perFormat: [string, (item: ReturnType<typeof toCslItem>) => unknown][] = [
    ['APA 7', (item) => bibliographyEntry('apa', itemForStyle('apa', item))],
    ['MLA 9', (item) => bibliographyEntry('mla', itemForStyle('mla', item))],
    ['Chicago note', (item) => footnote('chicago', itemForStyle('chicago', item))],
    ['Chicago bibliography', (item) => bibliographyEntry('chicago', itemForStyle('chicago', item))],
    ['Cite Them Right', (item) => bibliographyEntry('harvard', itemForStyle('harvard', item))],
    ['BibTeX', toBibtex],
    ['RIS', toRis],
  ]
  const msPerFormat: Record<string, number> = {}
  for (const [name, format] of perFormat) {
    const start = performance.now()
    for (const item of items) format(item)
    msPerFormat[name] = round((performance.now() - start) / items.length)
  }
  return { answers: count, importMs: round(importMs), firstAnswerMs: round(firstAnswerMs), msPerAnswer: round(median(rounds)), msPerFormat }
}
