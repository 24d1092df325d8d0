import { maxFileBytes } from '@/lib/content/load'
import type { HostileClassName } from '@/tests/helpers/hostile/classes'

// Reproducible hostile content files for fuzzing the ingest. A case is fully determined by (class, seed, index),
// so any failure is replayed with `scripts/fuzz-ingest.ts --class C --seed S --index I`.

export type Expectation = 'valid' | 'invalid' | 'unknown'

export interface HostileCase {
  className: HostileClassName
  seed: number
  index: number
  /** What the generator built, e.g. "nesting/blockquote depth=1000 (mdx)". */
  label: string
  /** Path inside the content directory. */
  relPath: string
  content: Buffer
  /** What ingest must say about this file: no problem, at least one problem, or either. */
  expect: Expectation
}

export interface Rng {
  float(): number
  int(maxExclusive: number): number
  pick<T>(items: readonly T[]): T
}

/** mulberry32: small, fast and good enough to spread inputs; the same seed always gives the same cases. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const float = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (maxExclusive: number) => Math.floor(float() * maxExclusive)
  return {
    float,
    int,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(items.length)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
  }
}

/** FNV-1a of the case's coordinates: each case gets its own stream, so replaying one needs no others. */
export function caseSeed(seed: number, className: string, index: number): number {
  let hash = 0x811c9dc5
  for (const char of `${seed}/${className}/${index}`) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193)
  return hash >>> 0
}

export interface Draft {
  label: string
  content: string | Buffer
  expect: Expectation
  relPath?: string
  format?: 'mdx' | 'md'
}

export const answerFields = [
  'title: "What does this hostile input do to the ingest?"',
  'category: Fuzzing',
  'tags: [fuzz]',
  'author: Fuzz Harness',
  'publishedAt: 2026-03-14',
] as const

export function answerFile(body: string, fields: readonly string[] = answerFields): string {
  return `---\n${fields.join('\n')}\n---\n\n${body}\n`
}

/** Places inside the base answer where any text can go without changing its structure. */
export interface ProseSlots {
  intro?: string
  heading?: string
  item?: string
  callout?: string
}

/** A valid answer body as top-level blocks, using every construct an answer may contain in its format. */
export function baseBlocks(format: 'mdx' | 'md', slots: ProseSlots = {}): string[] {
  const blocks = [
    `The VIX measures ${slots.intro ?? ''}expected volatility over the next thirty days, and this paragraph answers first.`,
    `## A section about ${slots.heading ?? ''}term structure`,
    `- one item with **bold** and *emphasis* ${slots.item ?? ''}here\n- another with a [link](https://example.com/a?b=1) and \`code\``,
    '| month | future |\n|---|---|\n| May | 18.2 |\n| June | 19.1 |',
    '1. first step\n2. second step',
  ]
  if (format === 'md') return [...blocks, `> a short ${slots.callout ?? ''}quote about contango`]
  return [
    ...blocks,
    '> a short quote',
    `<Callout type="info">\n\nA callout ${slots.callout ?? ''}about <Term slug="contango">contango</Term>.\n\n</Callout>`,
    '<Insights>\n\n- An insight to end with.\n\n</Insights>',
  ]
}

export const baseAnswer = (format: 'mdx' | 'md', slots: ProseSlots = {}) => answerFile(baseBlocks(format, slots).join('\n\n'))

/** Keeps generated bodies under the file size limit, so a nesting case tests nesting and not the size check. */
export const maxBodyBytes = maxFileBytes - 4096

export function insertAt(bytes: Buffer, offset: number, insert: Buffer): Buffer {
  return Buffer.concat([bytes.subarray(0, offset), insert, bytes.subarray(offset)])
}
