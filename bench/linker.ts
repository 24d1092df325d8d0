// Glossary linking speed: the one-pass trie matcher (inside the real remark step) vs. one regular expression per
// term, with a generated 2,000-term glossary and 1,000-word answers.
import { createProcessor } from '@mdx-js/mdx'
import type { Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import { VFile } from 'vfile'
import { termPatterns } from '@/lib/content/glossary'
import { linkGlossaryTerms } from '@/lib/mdx/link-glossary'
import { TermMatcher, isAcronym } from '@/lib/mdx/term-matcher'
import { answerBody, seededRandom, syntheticTerms } from './generate'
import { round } from './ingest'

export interface LinkerBench {
  terms: number
  answers: number
  averageWords: number
  trieMsPerAnswer: number
  naiveRegexMsPerAnswer: number
  speedup: number
  linksPerAnswer: number
}

export function benchLinker(termCount = 2000, answerCount = 200): LinkerBench {
  const terms = syntheticTerms(termCount)
  const sources = terms.map((term, index) => ({ slug: `t-${index}`, patterns: termPatterns({ term, aliases: [] }) }))
  const matcher = new TermMatcher(sources)
  const random = seededRandom(3)
  const bodies = Array.from({ length: answerCount }, () => answerBody(random, 1000, terms))
  const processor = createProcessor({ remarkPlugins: [remarkGfm] })
  const averageWords = Math.round(bodies.reduce((sum, body) => sum + body.split(/\s+/).length, 0) / bodies.length)

  // Trees are parsed outside the timed region: parsing is the compiler's cost, not the linker's.
  const trees = () => bodies.map((body) => processor.parse(body) as Root)
  const knownSlugs = new Set(sources.map((s) => s.slug))
  const warm = trees()
  for (const tree of warm.slice(0, 20)) linkGlossaryTerms(tree, new VFile(), { matcher, knownSlugs })
  const timedTrees = trees()
  let links = 0
  let started = performance.now()
  for (const tree of timedTrees) links += linkGlossaryTerms(tree, new VFile(), { matcher, knownSlugs }).length
  const trieMs = (performance.now() - started) / answerCount

  // The naive way: one word-bounded regular expression per pattern, run over the answer's text.
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const regexes = sources.flatMap((source) =>
    source.patterns.map((pattern) => ({ slug: source.slug, re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(pattern)}(?:e?s)?(?![\\p{L}\\p{N}])`, isAcronym(pattern) ? 'u' : 'iu') })),
  )
  const naiveAnswers = Math.min(answerCount, 50)
  started = performance.now()
  let naiveHits = 0
  for (const body of bodies.slice(0, naiveAnswers)) {
    for (const { re } of regexes) if (re.test(body)) naiveHits++
  }
  const naiveMs = (performance.now() - started) / naiveAnswers
  if (naiveHits === 0 || links === 0) throw new Error('linker bench found no terms; the generator is broken')

  return {
    terms: termCount,
    answers: answerCount,
    averageWords,
    trieMsPerAnswer: round(trieMs, 3),
    naiveRegexMsPerAnswer: round(naiveMs, 3),
    speedup: round(naiveMs / trieMs, 1),
    linksPerAnswer: round(links / answerCount, 1),
  }
}
