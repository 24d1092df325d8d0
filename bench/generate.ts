// Deterministic synthetic content for benchmarks: answers of ~700 words and glossaries of any size.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const words = (
  'the a of to and in that is for on with as by at from this it be are was an or which their market option options ' +
  'premium price prices strike strikes expiry risk hedge hedges position positions portfolio volatility implied realized ' +
  'futures curve month front second spread spreads credit debit width wings delta gamma theta vega decay time value ' +
  'index level levels move moves daily weekly event events report reports rate rates inflation trader traders account ' +
  'size sizing loss losses gain gains cost costs roll rolling contract contracts layer layers signal signals breadth ' +
  'momentum trend average averages divergence structure steep flat inverted calm stress regime shift capital buffer'
).split(' ')

export const benchTerms = ['VIX', 'contango', 'backwardation', 'iron condor', 'credit spread', 'DTE', 'theta', 'vega', 'SPX', 'implied volatility', 'VIX futures', 'term structure']

function sentence(random: () => number, mention: () => string | undefined): string {
  const length = 10 + Math.floor(random() * 12)
  const out: string[] = []
  for (let i = 0; i < length; i++) {
    const term = random() < 0.04 ? mention() : undefined
    out.push(term ?? words[Math.floor(random() * words.length)] ?? 'risk')
  }
  const text = out.join(' ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}

export function paragraph(random: () => number, sentences: number, mention: () => string | undefined): string {
  return Array.from({ length: sentences }, () => sentence(random, mention)).join(' ')
}

/** One answer body of roughly `targetWords` words with headings, a table, a list and an Insights box. */
export function answerBody(random: () => number, targetWords: number, terms: readonly string[]): string {
  const mention = () => terms[Math.floor(random() * terms.length)]
  const parts: string[] = [paragraph(random, 3, mention)]
  let count = parts[0]?.split(/\s+/).length ?? 0
  let section = 1
  while (count < targetWords - 60) {
    parts.push(`## Section ${section++}: ${words[Math.floor(random() * words.length)]} and ${words[Math.floor(random() * words.length)]}`)
    const text = paragraph(random, 4, mention)
    parts.push(text)
    count += text.split(/\s+/).length
    if (section === 3) {
      parts.push('| Setup | Credit | Risk |\n|---|---|---|\n| 30 DTE | 1.20 | 3.80 |\n| 45 DTE | 1.65 | 3.35 |')
      count += 15
    }
  }
  parts.push(`<Insights>\n\n- ${sentence(random, mention)}\n- ${sentence(random, mention)}\n- ${sentence(random, mention)}\n\n</Insights>`)
  return parts.join('\n\n')
}

export function writeAnswers(dir: string, count: number, seed = 7, terms: readonly string[] = benchTerms): void {
  const random = seededRandom(seed)
  mkdirSync(path.join(dir, 'answers'), { recursive: true })
  const categories = ['VIX Hedging', 'Iron Condors', 'Market Indicators', 'Volatility Products', 'Event Risk']
  for (let i = 0; i < count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0')
    const month = String(1 + (i % 12)).padStart(2, '0')
    const front = [
      '---',
      `title: "Benchmark question number ${i + 1}: how does ${words[i % words.length]} affect ${words[(i * 7) % words.length]}?"`,
      `category: ${categories[i % categories.length]}`,
      `tags: [${[...new Set(['bench', words[i % words.length], words[(i * 3) % words.length]])].join(', ')}]`, // a tag listed twice is a problem
      'author: VixShield Research Team',
      `publishedAt: 2026-${month}-${day}`,
      '---',
      '',
    ].join('\n')
    writeFileSync(path.join(dir, 'answers', `q-${String(i + 1).padStart(4, '0')}.mdx`), `${front}${answerBody(random, 700, terms)}\n`)
  }
}

export function writeGlossary(dir: string, terms: readonly string[]): void {
  mkdirSync(path.join(dir, 'glossary'), { recursive: true })
  for (const term of terms) {
    const slug = term.toLowerCase().replace(/[^a-z0-9]+/g, '-')
    writeFileSync(
      path.join(dir, 'glossary', `${slug}.mdx`),
      `---\nterm: "${term}"\nshort: "Benchmark definition of ${term}."\n---\n\nA longer benchmark explanation of ${term}.\n`,
    )
  }
}

/** A large synthetic glossary: made-up multi-word terms plus acronyms, all distinct. */
export function syntheticTerms(count: number, seed = 11): string[] {
  const random = seededRandom(seed)
  const out = new Set<string>()
  while (out.size < count) {
    if (random() < 0.2) {
      out.add(Array.from({ length: 2 + Math.floor(random() * 3) }, () => String.fromCharCode(65 + Math.floor(random() * 26))).join(''))
    } else {
      const n = 1 + Math.floor(random() * 3)
      out.add(Array.from({ length: n }, () => `${words[Math.floor(random() * words.length)]}${Math.floor(random() * 90) + 10}`).join(' '))
    }
  }
  return [...out]
}
