import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { isMainThread, parentPort, Worker } from 'node:worker_threads'
import { ingestContent } from '@/lib/content/ingest'
import { maxFileBytes } from '@/lib/content/load'
import { formatProblem, type Problem } from '@/lib/content/problem'
import { glossaryEntry } from '@/tests/helpers/content-dir'

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
function caseSeed(seed: number, className: string, index: number): number {
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

// ---------------------------------------------------------------------------------------------------------------
// Deep nesting

/** Keeps generated bodies under the file size limit, so a nesting case tests nesting and not the size check. */
const maxBodyBytes = maxFileBytes - 4096
const nestingDepths = [10, 100, 500, 1000, 5000, 50000] as const

interface NestingKind {
  name: string
  build: (depth: number) => string
  /** Markdown-only kinds also run as .md files. */
  jsx: boolean
  /** Expectation at depth 10; deeper cases may legitimately be refused as "nested too deeply". */
  shallow: Expectation
  /** For kinds whose size grows faster than the depth. */
  maxDepth?: number
}

const nestingKinds: readonly NestingKind[] = [
  { name: 'list-dash', build: (d) => `${'- '.repeat(d)}x`, jsx: false, shallow: 'valid' },
  { name: 'list-ordered', build: (d) => `${'1. '.repeat(d)}x`, jsx: false, shallow: 'valid' },
  {
    name: 'list-indented',
    build: (d) => Array.from({ length: d }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n'),
    jsx: false,
    shallow: 'valid',
    maxDepth: 900,
  },
  { name: 'blockquote', build: (d) => `${'> '.repeat(d)}x`, jsx: false, shallow: 'valid' },
  { name: 'quote-list-mix', build: (d) => `${'> - '.repeat(Math.ceil(d / 2))}x`, jsx: false, shallow: 'valid' },
  { name: 'emphasis', build: (d) => `${'*_'.repeat(d)}x${'_*'.repeat(d)}`, jsx: false, shallow: 'valid' },
  { name: 'emphasis-stars', build: (d) => `${'*'.repeat(d)}x${'*'.repeat(d)}`, jsx: false, shallow: 'valid' },
  { name: 'links-in-links', build: (d) => `${'['.repeat(d)}x${'](https://example.com)'.repeat(d)}`, jsx: false, shallow: 'valid' },
  { name: 'brackets-open', build: (d) => `${'['.repeat(d)}x`, jsx: false, shallow: 'valid' },
  { name: 'images-in-links', build: (d) => `${'[!['.repeat(d)}x${'](https://example.com/i.png)](https://example.com)'.repeat(d)}`, jsx: false, shallow: 'valid' },
  { name: 'backticks', build: (d) => `${'`'.repeat(d)} x ${'`'.repeat(d)}`, jsx: false, shallow: 'valid' },
  { name: 'backticks-unbalanced', build: (d) => '`a ``b '.repeat(d), jsx: false, shallow: 'valid' },
  {
    name: 'callout',
    build: (d) => `${'<Callout type="info">\n\n'.repeat(d)}x\n\n${'</Callout>\n\n'.repeat(d)}`,
    jsx: true,
    shallow: 'unknown',
  },
  { name: 'insights', build: (d) => `${'<Insights>\n\n'.repeat(d)}- x\n\n${'</Insights>\n\n'.repeat(d)}`, jsx: true, shallow: 'unknown' },
  { name: 'callout-inline', build: (d) => `${'<Callout type="tip">'.repeat(d)}x${'</Callout>'.repeat(d)}`, jsx: true, shallow: 'unknown' },
  { name: 'term-in-term', build: (d) => `${'<Term slug="vix">'.repeat(d)}VIX${'</Term>'.repeat(d)}`, jsx: true, shallow: 'unknown' },
  { name: 'callout-in-list', build: (d) => `${'- <Callout type="info">\n\n'.repeat(d)}x`, jsx: true, shallow: 'unknown' },
  { name: 'braces', build: (d) => `${'{'.repeat(d)}x${'}'.repeat(d)}`, jsx: true, shallow: 'invalid' },
  { name: 'html', build: (d) => `${'<div>'.repeat(d)}x${'</div>'.repeat(d)}`, jsx: false, shallow: 'invalid' },
]

function depthThatFits(kind: NestingKind, depth: number): number {
  const perLevel = Math.max(1, Buffer.byteLength(kind.build(2)) - Buffer.byteLength(kind.build(1)))
  return Math.min(depth, kind.maxDepth ?? Infinity, Math.floor(maxBodyBytes / perLevel))
}

function nesting(rng: Rng, index: number): Draft {
  const kind = nestingKinds[index % nestingKinds.length] ?? nestingKinds[0]
  const wanted = nestingDepths[Math.floor(index / nestingKinds.length) % nestingDepths.length] ?? 10
  if (!kind) throw new Error('no nesting kinds')
  const depth = depthThatFits(kind, wanted)
  const format = kind.jsx || rng.int(3) > 0 ? 'mdx' : 'md'
  const expect = depth <= 10 ? kind.shallow : kind.shallow === 'invalid' ? 'invalid' : 'unknown'
  return {
    label: `nesting/${kind.name} depth=${depth} (${format})`,
    format,
    content: answerFile(`The paragraph before the nesting.\n\n${kind.build(depth)}\n\nThe paragraph after it.`),
    expect,
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Long lines and large files

const words = 'volatility term structure contango backwardation hedge premium skew gamma theta vega '

function filler(length: number, lineLength: number): string {
  let text = words.repeat(Math.ceil(length / words.length)).slice(0, length)
  if (lineLength > 0) {
    const chars = [...text]
    for (let i = lineLength; i < chars.length; i += lineLength + 1) chars[i] = '\n'
    text = chars.join('')
  }
  return text
}

/** A valid answer of exactly `bytes` bytes: lines of ~80 characters, or one long line. */
function answerOfSize(bytes: number, lineLength: number): string {
  const overhead = Buffer.byteLength(answerFile('Intro.\n\n'))
  return answerFile(`Intro.\n\n${filler(bytes - overhead, lineLength).replace(/\s+$/, 'x')}`)
}

const longLineTemplates: readonly ((rng: Rng) => Draft)[] = [
  () => ({ label: 'long-lines/words 100 KB line', content: answerFile(`Intro.\n\n${filler(100_000, 0)}`), expect: 'valid' }),
  () => ({ label: 'long-lines/no spaces 100 KB', content: answerFile(`Intro.\n\n${'a'.repeat(100_000)}`), expect: 'valid' }),
  // 50,000 emphasis markers in one paragraph: whether that many are allowed is a limit of the ingest, not of Markdown.
  () => ({ label: 'long-lines/emphasis run 100 KB', content: answerFile(`Intro.\n\n${'*a* _b_ '.repeat(12_500)}`), expect: 'unknown' }),
  () => ({ label: 'long-lines/escaped < and { 100 KB', content: answerFile(`Intro.\n\n${'\\< \\{ '.repeat(16_000)}`), expect: 'valid' }),
  () => ({ label: 'long-lines/backslashes 100 KB', content: answerFile(`Intro.\n\n${'\\'.repeat(100_000)}`), expect: 'valid' }),
  () => ({ label: 'long-lines/pipes 100 KB', content: answerFile(`Intro.\n\n${'| a '.repeat(25_000)}|`), expect: 'valid' }),
  () => {
    const cells = 10_000
    const row = (cell: string) => `|${` ${cell} |`.repeat(cells)}`
    return { label: 'long-lines/table 10,000 columns', content: answerFile(`Intro.\n\n${row('h')}\n${row('---')}\n${row('1')}`), expect: 'valid' }
  },
  () => ({ label: 'long-lines/heading 100 KB', content: answerFile(`Intro.\n\n## ${filler(100_000, 0)}`), expect: 'valid' }),
  () => ({ label: 'long-lines/link URL 100 KB', content: answerFile(`Intro.\n\n[x](https://example.com/${'a'.repeat(100_000)})`), expect: 'valid' }),
  () => ({ label: 'long-lines/code fence 100 KB line', content: answerFile(`Intro.\n\n\`\`\`\n${'x'.repeat(100_000)}\n\`\`\``), expect: 'valid' }),
  () => {
    const lines = Math.floor(maxBodyBytes / 5)
    return { label: `long-lines/${lines} short lines`, content: answerFile(`Intro.\n\n${'word\n'.repeat(lines)}`), expect: 'valid' }
  },
  () => {
    const chars = Math.floor(maxBodyBytes / 3)
    return { label: `long-lines/a line of ${chars} three-byte characters`, content: answerFile(`Intro.\n\n${'€'.repeat(chars)}`), expect: 'valid' }
  },
  () => ({ label: 'long-lines/file 16 bytes under the limit', content: answerOfSize(maxFileBytes - 16, 80), expect: 'valid' }),
  () => ({ label: 'long-lines/file exactly at the limit', content: answerOfSize(maxFileBytes, 80), expect: 'valid' }),
  () => ({ label: 'long-lines/file one byte over the limit', content: answerOfSize(maxFileBytes + 1, 80), expect: 'invalid' }),
  () => ({ label: 'long-lines/file 1.5 times the limit', content: answerOfSize(Math.floor(maxFileBytes * 1.5), 80), expect: 'invalid' }),
  () => ({ label: 'long-lines/one line filling the file to 64 bytes under the limit', content: answerOfSize(maxFileBytes - 64, 0), expect: 'valid' }),
  () => ({ label: 'long-lines/title 100 KB', content: answerFile('Body.', [`title: "${'a'.repeat(100_000)}"`, ...answerFields.slice(1)]), expect: 'invalid' }),
  () => ({ label: 'long-lines/summary 100 KB', content: answerFile('Body.', [...answerFields, `summary: "${filler(100_000, 0)}"`]), expect: 'invalid' }),
  (rng) => {
    const count = rng.pick([13, 1000, 100_000])
    return { label: `long-lines/${count} tags`, content: answerFile('Body.', [...answerFields.filter((f) => !f.startsWith('tags')), `tags: [${Array.from({ length: count }, (_, i) => `t${i}`).join(', ')}]`]), expect: 'invalid' }
  },
]

// ---------------------------------------------------------------------------------------------------------------
// Odd bytes

const proseChars: readonly { name: string; make: (rng: Rng) => string; expect: Expectation }[] = [
  { name: 'emoji ZWJ family', make: () => '👩‍👩‍👧‍👦', expect: 'valid' },
  { name: 'flag and skin tone', make: () => '🇺🇸👍🏽', expect: 'valid' },
  { name: 'random astral emoji', make: (rng) => String.fromCodePoint(0x1f300 + rng.int(0x2ff)), expect: 'valid' },
  { name: 'stacked combining marks', make: (rng) => `a${Array.from({ length: 1 + rng.int(2000) }, () => String.fromCharCode(0x300 + rng.int(0x70))).join('')}`, expect: 'valid' },
  { name: 'zero-width characters', make: () => '\u200b\u200c\u200d\u2060', expect: 'valid' },
  { name: 'BOM in the middle', make: () => '\ufeff', expect: 'valid' },
  { name: 'bidi marks and overrides', make: () => '\u200f\u202e\u2066\u2069\u061c\u202c', expect: 'valid' },
  { name: 'U+2028 and U+2029', make: () => '\u2028\u2029', expect: 'valid' },
  { name: 'tab', make: () => '\t', expect: 'valid' },
  { name: 'noncharacters', make: () => '\ufffe\uffff\u{10ffff}', expect: 'unknown' },
  { name: 'NUL', make: () => '\u0000', expect: 'unknown' },
  { name: 'C0 control', make: (rng) => String.fromCharCode(rng.pick([1, 2, 7, 8, 11, 12, 14, 27, 31, 127])), expect: 'unknown' },
  { name: 'C1 control', make: (rng) => String.fromCharCode(0x80 + rng.int(32)), expect: 'unknown' },
  { name: 'ANSI escape sequence', make: () => '\u001b[2J\u001b[31m', expect: 'unknown' },
]

const invalidUtf8: readonly { name: string; bytes: number[] }[] = [
  { name: 'lone high surrogate', bytes: [0xed, 0xa0, 0x80] },
  { name: 'lone low surrogate', bytes: [0xed, 0xb0, 0x80] },
  { name: 'CESU-8 surrogate pair', bytes: [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80] },
  { name: 'overlong slash', bytes: [0xc0, 0xaf] },
  { name: 'overlong NUL', bytes: [0xc0, 0x80] },
  { name: 'three-byte overlong', bytes: [0xe0, 0x80, 0xaf] },
  { name: 'byte 0xFF', bytes: [0xff] },
  { name: 'byte 0xFE', bytes: [0xfe] },
  { name: 'lead byte 0xF5', bytes: [0xf5, 0x80, 0x80, 0x80] },
  { name: 'above U+10FFFF', bytes: [0xf4, 0x90, 0x80, 0x80] },
  { name: 'truncated sequence', bytes: [0xe2, 0x82] },
  { name: 'lone continuation byte', bytes: [0x80] },
  { name: 'Latin-1 e-acute', bytes: [0xe9] },
]

function withLineEnds(text: string, pick: (rng: Rng) => string, rng: Rng): string {
  return text.split('\n').map((line, i, all) => (i < all.length - 1 ? line + pick(rng) : line)).join('')
}

function insertAt(bytes: Buffer, offset: number, insert: Buffer): Buffer {
  return Buffer.concat([bytes.subarray(0, offset), insert, bytes.subarray(offset)])
}

const slotNames = ['intro', 'heading', 'item', 'callout'] as const

const oddByteTemplates: readonly ((rng: Rng) => Draft)[] = [
  // A character in running text: must not change whether the answer is valid.
  (rng) => {
    const char = rng.pick(proseChars)
    const slot = rng.pick(slotNames)
    const format = rng.int(4) === 0 ? 'md' : 'mdx'
    return { label: `odd-bytes/${char.name} in ${slot} text (${format})`, format, content: baseAnswer(format, { [slot]: `${char.make(rng)} ` }), expect: char.expect }
  },
  // The same characters anywhere, front matter included.
  (rng) => {
    const char = rng.pick(proseChars)
    const bytes = Buffer.from(baseAnswer('mdx'))
    return { label: `odd-bytes/${char.name} at a random offset`, content: insertAt(bytes, rng.int(bytes.length + 1), Buffer.from(char.make(rng))), expect: 'unknown' }
  },
  (rng) => {
    const bad = rng.pick(invalidUtf8)
    const bytes = Buffer.from(baseAnswer('mdx'))
    return { label: `odd-bytes/invalid UTF-8: ${bad.name} at a random offset`, content: insertAt(bytes, rng.int(bytes.length + 1), Buffer.from(bad.bytes)), expect: 'invalid' }
  },
  (rng) => {
    const bad = rng.pick(invalidUtf8)
    return { label: `odd-bytes/invalid UTF-8: ${bad.name} at the end`, content: Buffer.concat([Buffer.from(baseAnswer('mdx')), Buffer.from(bad.bytes)]), expect: 'invalid' }
  },
  (rng) => {
    const format = rng.pick(['mdx', 'md'] as const)
    return { label: `odd-bytes/CRLF line ends (${format})`, format, content: baseAnswer(format).replace(/\n/g, '\r\n'), expect: 'valid' }
  },
  (rng) => ({ label: 'odd-bytes/mixed LF and CRLF', content: withLineEnds(baseAnswer('mdx'), (r) => r.pick(['\n', '\r\n']), rng), expect: 'valid' }),
  () => ({ label: 'odd-bytes/CR-only line ends', content: baseAnswer('mdx').replace(/\n/g, '\r'), expect: 'unknown' }),
  (rng) => ({ label: 'odd-bytes/mixed LF, CRLF and CR', content: withLineEnds(baseAnswer('mdx'), (r) => r.pick(['\n', '\r\n', '\r']), rng), expect: 'unknown' }),
  () => ({ label: 'odd-bytes/U+2028 as every line end', content: baseAnswer('mdx').replace(/\n/g, '\u2028'), expect: 'invalid' }),
  () => ({ label: 'odd-bytes/BOM at the start', content: `\ufeff${baseAnswer('mdx')}`, expect: 'valid' }),
  () => ({ label: 'odd-bytes/two BOMs at the start', content: `\ufeff\ufeff${baseAnswer('mdx')}`, expect: 'unknown' }),
  () => ({ label: 'odd-bytes/UTF-16LE with BOM', content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(baseAnswer('mdx'), 'utf16le')]), expect: 'invalid' }),
  () => ({ label: 'odd-bytes/UTF-16LE without BOM', content: Buffer.from(baseAnswer('mdx'), 'utf16le'), expect: 'invalid' }),
  (rng) => {
    const char = rng.pick(proseChars)
    const fields = [`title: "What does ${char.make(rng)} do in a title?"`, ...answerFields.slice(1)]
    return { label: `odd-bytes/${char.name} in the title`, content: answerFile('Body text.', fields), expect: 'unknown' }
  },
  (rng) => {
    const count = 1 + rng.int(64)
    const bytes = Buffer.from(Array.from({ length: count }, () => rng.int(256)))
    return { label: `odd-bytes/${count} random bytes as the body`, content: Buffer.concat([Buffer.from(answerFile('')), bytes]), expect: 'unknown' }
  },
  (rng) => {
    const count = 1 + rng.int(4096)
    return { label: `odd-bytes/${count} random bytes as the whole file`, content: Buffer.from(Array.from({ length: count }, () => rng.int(256))), expect: 'invalid' }
  },
]

// ---------------------------------------------------------------------------------------------------------------
// Odd YAML front matter (answers, and a few glossary entries)

const without = (...names: string[]) => answerFields.filter((field) => !names.some((name) => field.startsWith(`${name}:`)))
const yamlAnswer = (lines: readonly string[]) => answerFile(baseBlocks('mdx').join('\n\n'), lines)
const glossaryFile = (lines: readonly string[]) => `---\n${lines.join('\n')}\n---\n\nA longer explanation of the fuzz term.\n`
const glossaryFields = ['term: "Fuzz Term"', 'short: "A term that exists only in the fuzz harness."'] as const

function laughs(levels: number): string[] {
  const lines = [`  &l0 [${Array(9).fill('lol').join(', ')}],`]
  for (let i = 1; i < levels; i++) lines.push(`  &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}],`)
  return lines
}

const flowDepths = [10, 100, 1000, 5000, 50000] as const
const dateForms: readonly [string, Expectation][] = [
  ['2026-03-14', 'valid'],
  ['"2026-03-14"', 'valid'],
  ["'2026-03-14'", 'valid'],
  ['2026-03-14 # a comment', 'valid'],
  ['2024-02-29', 'valid'],
  ['2000-02-29', 'valid'],
  ['9999-12-31', 'valid'],
  ['1900-02-29', 'invalid'],
  ['2026-02-29', 'invalid'],
  ['2026-3-14', 'invalid'],
  ['2026-03-14T10:00:00Z', 'invalid'],
  ['2026-03-14t10:00:00.123+05:30', 'invalid'],
  ['2026-03-14 10:00:00', 'invalid'],
  ['2026-03-14  10:00:00 -5', 'invalid'],
  ['20260314', 'invalid'],
  ['2026/03/14', 'invalid'],
  ['14.03.2026', 'invalid'],
  ['March 14, 2026', 'invalid'],
  ['+2026-03-14', 'invalid'],
  ['2026-03-14T', 'invalid'],
  ['2026-W11-6', 'invalid'],
  ['!!timestamp 2026-03-14', 'invalid'],
  ['1773446400', 'invalid'],
  ['0000-01-01', 'unknown'],
  ['0099-12-31', 'unknown'],
  ['"2026-03-14\\u00a0"', 'invalid'],
]

const yamlTemplates: readonly ((rng: Rng) => Draft)[] = [
  (rng) => {
    const levels = rng.pick([3, 6, 9])
    return { label: `odd-yaml/billion laughs, ${levels} levels in tags`, content: yamlAnswer([...without('tags'), 'tags: [', ...laughs(levels), `  *l${levels - 1}]`]), expect: 'invalid' }
  },
  () => ({ label: 'odd-yaml/billion laughs under an unknown key', content: yamlAnswer([...answerFields, 'bomb: [', ...laughs(9), '  *l8]']), expect: 'invalid' }),
  () => ({ label: 'odd-yaml/alias reused for summary', content: yamlAnswer([`title: &t "What does an alias do to the title?"`, ...without('title'), 'summary: *t']), expect: 'valid' }),
  () => ({ label: 'odd-yaml/undefined alias', content: yamlAnswer([...answerFields, 'summary: *nowhere']), expect: 'invalid' }),
  () => ({ label: 'odd-yaml/self-referencing alias', content: yamlAnswer([...without('tags'), 'tags: &a [*a]']), expect: 'invalid' }),
  (rng) => {
    const depth = rng.pick(flowDepths)
    return { label: `odd-yaml/flow sequence depth=${depth} in tags`, content: yamlAnswer([...without('tags'), `tags: ${'['.repeat(depth)}x${']'.repeat(depth)}`]), expect: 'invalid' }
  },
  (rng) => {
    const depth = rng.pick(flowDepths)
    return { label: `odd-yaml/flow mapping depth=${depth} in tags`, content: yamlAnswer([...without('tags'), `tags: ${'{a: '.repeat(depth)}x${'}'.repeat(depth)}`]), expect: 'invalid' }
  },
  (rng) => {
    const depth = rng.pick(flowDepths)
    return { label: `odd-yaml/compact block sequence depth=${depth}`, content: yamlAnswer([...without('tags'), 'tags:', `  ${'- '.repeat(depth)}x`]), expect: 'invalid' }
  },
  (rng) => {
    const depth = rng.pick([10, 100, 500])
    const lines = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`)
    return { label: `odd-yaml/block mapping depth=${depth} under an unknown key`, content: yamlAnswer([...answerFields, 'deep:', ...lines, `${'  '.repeat(depth + 1)}x`]), expect: 'invalid' }
  },
  (rng) => {
    const tag = rng.pick([
      'summary: !!js/function "function () { return process.exit(1) }"',
      'summary: !!js/undefined ""',
      'summary: !!js/regexp /x/g',
      'summary: !!python/object/apply:os.system ["ls"]',
      'summary: !!binary aGVsbG8gd29ybGQ=',
      'summary: !!set {a, b}',
      'summary: !!omap [a: 1]',
      'summary: !custom value',
      'draft: !!float .inf',
      'tags: !!pairs [a: 1]',
    ])
    return { label: `odd-yaml/tag ${tag}`, content: yamlAnswer([...answerFields.filter((f) => !f.startsWith(tag.split(':')[0] ?? '')), tag]), expect: 'invalid' }
  },
  () => ({ label: 'odd-yaml/explicit !!str title', content: yamlAnswer(['title: !!str What is a tagged string title?', ...without('title')]), expect: 'valid' }),
  () => ({ label: 'odd-yaml/verbatim str tag', content: yamlAnswer(['title: !<tag:yaml.org,2002:str> "What is a verbatim tag?"', ...without('title')]), expect: 'valid' }),
  () => ({ label: 'odd-yaml/merge key from an anchor under an unknown key', content: yamlAnswer([...answerFields, 'base: &b {summary: "merged"}', '<<: *b']), expect: 'invalid' }),
  () => ({ label: 'odd-yaml/merge key with an inline map', content: yamlAnswer([...answerFields, '<<: {summary: "A merged summary."}']), expect: 'unknown' }),
  (rng) => {
    const key = rng.pick(['title', 'tags', 'publishedAt', '__proto__', 'constructor'])
    const value = key === 'tags' ? '[other]' : key === 'publishedAt' ? '2026-03-15' : '"A duplicate value here?"'
    return { label: `odd-yaml/duplicate key ${key}`, content: yamlAnswer([...answerFields, `${key}: ${value}`, `${key}: ${value}`]), expect: 'invalid' }
  },
  () => ({ label: 'odd-yaml/tab after colon', content: yamlAnswer(['title:\t"What does a tab after the colon do?"', ...without('title')]), expect: 'unknown' }),
  () => ({ label: 'odd-yaml/tab indentation', content: yamlAnswer([...without('tags'), 'tags:', '\t- fuzz']), expect: 'invalid' }),
  () => ({ label: 'odd-yaml/tab before a key', content: yamlAnswer([...answerFields.slice(1), '\ttitle: "What does a leading tab do here?"']), expect: 'invalid' }),
  () => ({ label: 'odd-yaml/second document inside', content: `---\n${answerFields.join('\n')}\n---\nextra: 1\n---\n\nBody.\n`, expect: 'unknown' }),
  () => ({ label: 'odd-yaml/document end marker', content: yamlAnswer([...answerFields, '...', 'more: 1']), expect: 'invalid' }),
  () => ({ label: 'odd-yaml/%YAML directive', content: yamlAnswer(['%YAML 1.2', ...answerFields]), expect: 'unknown' }),
  (rng) => {
    const key = rng.pick(['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '__defineGetter__', 'isPrototypeOf'])
    const value = rng.pick(['{polluted: yes}', 'x', '[a, b]', 'null'])
    return { label: `odd-yaml/key ${key}: ${value}`, content: yamlAnswer([...answerFields, `${key}: ${value}`]), expect: 'invalid' }
  },
  () => ({ label: 'odd-yaml/__proto__ inside tags', content: yamlAnswer([...without('tags'), 'tags: {__proto__: {polluted: yes}}']), expect: 'invalid' }),
  (rng) => {
    const key = rng.pick(['1', 'null', 'true', '~', '.inf', '0x10', '[a, b]', '{a: 1}', '? - a\n  - b\n'])
    return { label: `odd-yaml/non-string key ${JSON.stringify(key)}`, content: yamlAnswer([...answerFields, `${key}: x`]), expect: 'invalid' }
  },
  (rng) => {
    const field = rng.pick([
      'title: 1e400',
      'title: -.inf',
      'title: .nan',
      'draft: 123456789012345678901234567890',
      'publishedAt: 99999999999999999999',
      'summary: 0x7fffffffffffffffffffffffffffff',
      'author: 0o777777777777777777777777',
    ])
    const name = field.split(':')[0] ?? ''
    return { label: `odd-yaml/huge number ${field}`, content: yamlAnswer([...without(name), field]), expect: 'invalid' }
  },
  // YAML's core schema reads 1e999999 as the string "1e999999", a fine tag; as a title it is too short.
  (rng) => {
    const [field, expect] = rng.pick<[string, Expectation]>([
      ['tags: [1e999999]', 'unknown'],
      ['title: 1e999999', 'invalid'],
    ])
    return { label: `odd-yaml/overflowing exponent ${field}`, content: yamlAnswer([...without(field.split(':')[0] ?? ''), field]), expect }
  },
  (rng) => {
    const [form, expect] = rng.pick(dateForms)
    const field = rng.int(3) === 0 ? 'updatedAt' : 'publishedAt'
    const lines = field === 'publishedAt' ? [...without('publishedAt'), `publishedAt: ${form}`] : [...without('publishedAt'), 'publishedAt: 2000-01-01', `updatedAt: ${form}`]
    return { label: `odd-yaml/${field}: ${form}`, content: yamlAnswer(lines), expect }
  },
  (rng) => {
    const length = rng.pick([301, 10_000, 500_000])
    const field = rng.pick(['title', 'summary', 'author', 'category'])
    return { label: `odd-yaml/${field} of ${length} characters`, content: yamlAnswer([...without(field), `${field}: "${'a'.repeat(length)}"`]), expect: 'invalid' }
  },
  (rng) => {
    const length = rng.pick([100, 10_000, 100_000])
    return { label: `odd-yaml/unknown key of ${length} characters`, content: yamlAnswer([...answerFields, `${'k'.repeat(length)}: x`]), expect: 'invalid' }
  },
  (rng) => {
    const count = rng.pick([100, 5000])
    return { label: `odd-yaml/${count} unknown keys`, content: yamlAnswer([...answerFields, ...Array.from({ length: count }, (_, i) => `extra${i}: ${i}`)]), expect: 'invalid' }
  },
  (rng) => {
    const key = rng.pick(['"bad\\nkey"', '"bad\\rkey"', '"bad\\u2028key"', '"bad\\u001b[31mkey"', '"bad\\u0000key"', '"bad\\tkey"'])
    return { label: `odd-yaml/key with escape ${key}`, content: yamlAnswer([...answerFields, `${key}: x`]), expect: 'invalid' }
  },
  (rng) => {
    const value = rng.pick(['"Line\\nbreak in the title, is it allowed?"', '"A \\u2028 line separator in a title?"', '"An \\u001b[31mANSI escape in a title?"', '"A \\u0000 NUL in a title here?"'])
    return { label: `odd-yaml/title ${value}`, content: yamlAnswer([`title: ${value}`, ...without('title')]), expect: value.includes('\\n') ? 'invalid' : 'unknown' }
  },
  () => ({ label: 'odd-yaml/unclosed front matter', content: `---\n${answerFields.join('\n')}\n\nBody.\n`, expect: 'invalid' }),
  () => ({ label: 'odd-yaml/opening line only', content: '---\n', expect: 'invalid' }),
  () => ({ label: 'odd-yaml/three dashes, no newline', content: '---', expect: 'invalid' }),
  () => ({ label: 'odd-yaml/empty file', content: '', expect: 'invalid' }),
  () => ({ label: 'odd-yaml/front matter only', content: `---\n${answerFields.join('\n')}\n---\n`, expect: 'invalid' }),
  () => ({ label: 'odd-yaml/front matter only, no final newline', content: `---\n${answerFields.join('\n')}\n---`, expect: 'invalid' }),
  () => ({ label: 'odd-yaml/front matter then blank lines', content: `---\n${answerFields.join('\n')}\n---\n\n \t \n\n`, expect: 'invalid' }),
  () => ({ label: 'odd-yaml/empty front matter', content: '---\n---\n\nBody.\n', expect: 'invalid' }),
  () => ({ label: 'odd-yaml/comments only', content: '---\n# nothing here\n---\n\nBody.\n', expect: 'invalid' }),
  () => ({ label: 'odd-yaml/four dashes', content: `----\n${answerFields.join('\n')}\n----\n\nBody.\n`, expect: 'invalid' }),
  () => ({ label: 'odd-yaml/whole front matter as a flow map', content: yamlAnswer([`{${answerFields.join(', ')}}`]), expect: 'valid' }),
  (rng) => {
    const shape = rng.pick(['- a\n- b', 'just a string', 'null', '42', '[1, 2]', '|\n  block'])
    return { label: `odd-yaml/front matter is ${JSON.stringify(shape)}`, content: `---\n${shape}\n---\n\nBody.\n`, expect: 'invalid' }
  },
  () => ({ label: 'odd-yaml/literal block title over two lines', content: yamlAnswer(['title: |', '  What is a title', '  over two lines?', ...without('title')]), expect: 'invalid' }),
  () => ({ label: 'odd-yaml/folded block title', content: yamlAnswer(['title: >', '  What is a folded', '  title like?', ...without('title')]), expect: 'unknown' }),
  (rng) => {
    const [field, expect] = rng.pick<[string, Expectation]>([
      ['draft: true', 'valid'],
      ['draft: True', 'valid'],
      ['draft: FALSE', 'valid'],
      ['draft: yes', 'invalid'],
      ['draft: on', 'invalid'],
      ['draft: 1', 'invalid'],
      ['draft: "true"', 'invalid'],
      ['title:', 'invalid'],
      ['tags: []', 'invalid'],
      ['tags:', 'invalid'],
      ['tags: fuzz', 'invalid'],
    ])
    const name = field.split(':')[0] ?? ''
    return { label: `odd-yaml/${field}`, content: yamlAnswer([...without(name), field]), expect }
  },
  (rng) => {
    const [field, expect] = rng.pick<[string, Expectation]>([
      ['tags: ["???"]', 'invalid'],
      ['tags: [fuzz, "!!!"]', 'invalid'],
      ['category: "!!!"', 'invalid'],
      ['title: "?????????????"', 'invalid'],
      ['slug: constructor', 'valid'],
      ['slug: hasownproperty', 'valid'],
      ['slug: __proto__', 'invalid'],
      ['tags: [__proto__, constructor, toString, valueOf]', 'valid'],
      ['category: __proto__', 'valid'],
      ['category: constructor', 'valid'],
      ['author: __proto__', 'valid'],
    ])
    const name = field.split(':')[0] ?? ''
    return { label: `odd-yaml/${field}`, content: yamlAnswer([...without(name), field]), expect }
  },
  (rng) => {
    const [lines, expect] = rng.pick<[string[], Expectation]>([
      [[...glossaryFields, 'related: [constructor]'], 'invalid'],
      [[...glossaryFields, 'related: [__proto__]'], 'invalid'],
      [[...glossaryFields, 'related: [toString, valueOf]'], 'invalid'],
      [[...glossaryFields, 'slug: constructor'], 'valid'],
      [['term: constructor', glossaryFields[1]], 'valid'],
      [['term: "__proto__"', glossaryFields[1]], 'valid'],
      [[...glossaryFields, 'aliases: [__proto__, toString]'], 'valid'],
      [[...glossaryFields, 'aliases: [VIX]'], 'invalid'],
      [[...glossaryFields, '__proto__: {polluted: yes}'], 'invalid'],
      [[...glossaryFields, 'related: [', ...laughs(9), '  *l8]'], 'invalid'],
    ])
    return { label: `odd-yaml/glossary entry ${lines.slice(1).join('; ').slice(0, 60)}`, relPath: 'glossary/fuzz-term.mdx', content: glossaryFile(lines), expect }
  },
]

// ---------------------------------------------------------------------------------------------------------------
// MDX and Markdown oddities: prototype names, <Term> in odd places, unclosed tags, script URLs, huge tables

interface Snippet {
  text: string
  expect: Expectation
  format: 'mdx' | 'md'
  /** Unclosed constructs only make sense as the last thing in the file. */
  atEnd?: boolean
}

const mdx = (text: string, expect: Expectation, atEnd = false): Snippet => ({ text, expect, format: 'mdx', atEnd })
const md = (text: string, expect: Expectation): Snippet => ({ text, expect, format: 'md' })
const callout = (open: string) => `${open}\n\nCallout text.\n\n</Callout>`
const wideTable = (columns: number) => [`|${' h |'.repeat(columns)}`, `|${'---|'.repeat(columns)}`, `|${' 1 |'.repeat(columns)}`].join('\n')
const prototypeNames = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty', 'isPrototypeOf', '__defineSetter__'] as const

const snippets: readonly Snippet[] = [
  ...prototypeNames.map((name) => mdx(`<${name}>x</${name}>`, 'invalid')),
  mdx('<valueOf />', 'invalid'),
  ...prototypeNames.map((name) => mdx(callout(`<Callout type="info" ${name}="x">`), 'invalid')),
  ...prototypeNames.map((name) => mdx(callout(`<Callout type="${name}">`), 'invalid')),
  ...prototypeNames.map((name) => mdx(`<Insights ${name}="x">\n\n- x\n\n</Insights>`, 'invalid')),
  ...prototypeNames.map((name) => mdx(`A sentence with <Term slug="${name}">a term</Term>.`, 'invalid')),
  ...prototypeNames.map((name) => mdx(`A sentence with <Term slug="vix" ${name}="x">VIX</Term>.`, 'invalid')),
  mdx(callout('<Callout type="info">'), 'valid'),
  mdx(callout('<Callout type="warning" title="A title">'), 'valid'),
  mdx(callout("<Callout type='tip'>"), 'valid'),
  mdx(callout('<Callout\n  type="info"\n>'), 'valid'),
  mdx('A sentence with <Term slug="vix">the VIX</Term> in it.', 'valid'),
  mdx('## A heading with <Term slug="no-such-term">a term</Term>', 'invalid'),
  mdx('## A heading with <Term slug="vix">VIX</Term>', 'unknown'),
  mdx('Setext heading <Term slug="no-such-term">x</Term>\n---', 'invalid'),
  mdx('[link text <Term slug="no-such-term">x</Term>](https://example.com)', 'invalid'),
  mdx('[link text <Term slug="vix">VIX</Term>](https://example.com)', 'unknown'),
  mdx('<Term slug="vix"><Term slug="no-such-term">x</Term></Term>', 'invalid'),
  mdx('<Term slug="vix"><Term slug="contango">x</Term></Term>', 'unknown'),
  mdx('| a |\n|---|\n| <Term slug="no-such-term">x</Term> |', 'invalid'),
  mdx('*emphasis with <Term slug="no-such-term">x</Term>*', 'invalid'),
  mdx('> a quote with <Term slug="no-such-term">x</Term>', 'invalid'),
  mdx('- an item with <Term slug="no-such-term">x</Term>', 'invalid'),
  mdx('A note.[^n]\n\n[^n]: A footnote with <Term slug="no-such-term">x</Term>.', 'invalid'),
  mdx('![alt <Term slug="no-such-term">x</Term>](https://example.com/i.png)', 'unknown'),
  mdx('<Term slug="vix">[VIX](https://example.com)</Term>', 'unknown'),
  mdx('<Term slug="vix" />', 'unknown'),
  mdx('<Term>VIX</Term>', 'invalid'),
  mdx('<Term slug="">VIX</Term>', 'invalid'),
  mdx('<Term slug="VIX">VIX</Term>', 'invalid'),
  mdx('<Term slug="vix" slug="contango">VIX</Term>', 'unknown'),
  mdx(`Many terms: ${'<Term slug="vix">VIX</Term> '.repeat(1000)}`, 'valid'),
  mdx('<Callout type="info">inline callout</Callout> in a paragraph', 'unknown'),
  mdx('<Callout type="info">\n\n<Insights>\n\n- x\n\n</Insights>\n\n</Callout>', 'unknown'),
  mdx('<Callout type="info">\n\nunclosed callout', 'invalid', true),
  mdx('<Term slug="vix">unclosed term', 'invalid', true),
  mdx('<Insights>', 'invalid', true),
  mdx('<Callout', 'invalid', true),
  mdx('<Callout type="', 'invalid', true),
  mdx('<', 'invalid', true),
  mdx('</', 'invalid', true),
  mdx('{', 'invalid', true),
  mdx('</Callout>', 'invalid'),
  mdx('A brace { in prose', 'invalid'),
  mdx('A closing brace } in prose', 'unknown'),
  mdx('a < b', 'unknown'),
  mdx('x<y', 'invalid'),
  mdx('I <3 volatility', 'invalid'),
  mdx('<>fragment</>', 'invalid'),
  mdx(callout('<Callout.Item type="info">').replace('</Callout>', '</Callout.Item>'), 'invalid'),
  mdx('<svg:rect />', 'invalid'),
  mdx(callout('<callout type="info">').replace('</Callout>', '</callout>'), 'invalid'),
  mdx('<a href="javascript:alert(1)">x</a>', 'invalid'),
  mdx('<svg><script>alert(1)</script></svg>', 'invalid'),
  mdx('<img src="x" onerror="alert(1)" />', 'invalid'),
  mdx(callout('<Callout type="info" onClick="alert(1)">'), 'invalid'),
  mdx(callout('<Callout type={"info"}>'), 'invalid'),
  mdx(callout('<Callout {...props} type="info">'), 'invalid'),
  mdx(callout('<Callout type="info" title={x}>'), 'invalid'),
  mdx('{/* a comment */}', 'invalid'),
  mdx('import x from "y"', 'invalid'),
  mdx('export const a = 1', 'invalid'),
  mdx('export default function Page() { return null }', 'invalid'),
  mdx('- import x from "y"', 'unknown'),
  mdx('> export const a = 1', 'unknown'),
  mdx('<Callout type="info">\n\nimport x from "y"\n\n</Callout>', 'unknown'),
  mdx('```\nimport x from "y"\n<Callout>{x}</Callout>\n```', 'valid'),
  mdx('Inline code: `<Term slug="no-such-term">` and `{x}`.', 'valid'),
  mdx('<!-- a comment -->', 'invalid'),
  mdx('<!-->', 'invalid'),
  mdx('Code `<!-- not a comment -->` here.', 'valid'),
  ...[
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#0000106;avascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'javascript&colon;alert(1)',
    'java&#x09;script:alert(1)',
    'java&#x0A;script:alert(1)',
    '<javascript:alert(1)>',
    ' javascript:alert(1) ',
    'javascript\\:alert(1)',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,x',
  ].flatMap((url) => [
    mdx(`[click](${url})`, 'invalid'),
    mdx(`![image](${url})`, 'invalid'),
    mdx(`[ref]: ${url}\n\n[click][ref]`, 'invalid'),
  ]),
  mdx('[unused]: javascript:alert(1)', 'invalid'),
  mdx('[click](%6Aavascript:alert(1))', 'unknown'),
  mdx('[click](\u0000javascript:alert(1))', 'unknown'),
  mdx('[click](https://example.com "title with \\"quotes\\"")', 'valid'),
  mdx('![image](https://example.com/a.png)', 'unknown'),
  mdx('<javascript:alert(1)>', 'invalid'),
  mdx('<https://example.com>', 'unknown'),
  mdx('A literal www.example.com and https://example.com link.', 'valid'),
  mdx('A bare javascript:alert(1) in text.', 'valid'),
  mdx(wideTable(1000), 'valid'),
  mdx(['| a | b |', '|---|---|', ...Array.from({ length: 1000 }, (_, i) => `| ${i} | x |`)].join('\n'), 'valid'),
  mdx('| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |', 'valid'),
  mdx('A note.[^1]\n\n[^1]: The footnote.', 'unknown'),
  mdx(`${Array.from({ length: 1000 }, (_, i) => `[^${i}]`).join(' ')}\n\n${Array.from({ length: 1000 }, (_, i) => `[^${i}]: n${i}`).join('\n')}`, 'unknown'),
  mdx('A note.[^x]\n\n[^x]: [bad](javascript:alert(1))', 'invalid'),
  mdx('Entities: &#0; &#xD800; &#x10FFFF; &nosuch; &amp; &lt;', 'valid'),
  mdx('Escapes: \\<Callout\\> and \\{x\\}', 'valid'),
  mdx('####### seven hashes', 'valid'),
  mdx('1234567890. ten digits', 'valid'),
  mdx('~~struck~~ and - [ ] a task', 'valid'),
  mdx('---\ntitle: not front matter\n---', 'valid'),
  md('<div>x</div>', 'invalid'),
  md('<script>alert(1)</script>', 'invalid'),
  md('<!-- a comment -->', 'invalid'),
  md('<a href="x">x</a>', 'invalid'),
  md('<javascript:alert(1)>', 'invalid'),
  md('<JAVASCRIPT:alert(1)>', 'invalid'),
  md('<https://example.com>', 'valid'),
  md('[click](&#106;avascript:alert(1))', 'invalid'),
  md('[ref]: javascript:alert(1)', 'invalid'),
  md('a < b and {braces} are text in Markdown', 'valid'),
  md('<Callout type="info">x</Callout>', 'invalid'),
  md('<Term slug="vix">VIX</Term>', 'invalid'),
  md(wideTable(1000), 'valid'),
]

function combine(expectations: readonly Expectation[]): Expectation {
  if (expectations.includes('invalid')) return 'invalid'
  return expectations.every((e) => e === 'valid') ? 'valid' : 'unknown'
}

function mdxOddity(rng: Rng, index: number): Draft {
  // The first pass shows each snippet alone; later ones mix two to four into the base answer at random places.
  const chosen: Snippet[] = []
  if (index < snippets.length) {
    const only = snippets[index]
    if (only) chosen.push(only)
  } else {
    const format = rng.int(5) === 0 ? 'md' : 'mdx'
    const pool = snippets.filter((s) => s.format === format)
    for (let n = 2 + rng.int(3); n > 0; n--) chosen.push(rng.pick(pool))
  }
  const format = chosen[0]?.format ?? 'mdx'
  const blocks = baseBlocks(format)
  for (const snippet of chosen.filter((s) => !s.atEnd)) blocks.splice(1 + rng.int(blocks.length), 0, snippet.text)
  const ends = chosen.filter((s) => s.atEnd)
  // Only one unclosed construct at the end: a second would be inside the first.
  const end = ends[0]
  if (end) blocks.push(end.text)
  const used = end ? [...chosen.filter((s) => !s.atEnd), end] : chosen
  const names = used.map((s) => JSON.stringify(s.text.length > 40 ? `${s.text.slice(0, 40)}…` : s.text)).join(' + ')
  return { label: `mdx-oddities/${names} (${format})`, format, content: answerFile(blocks.join('\n\n')), expect: combine(used.map((s) => s.expect)) }
}

// ---------------------------------------------------------------------------------------------------------------
// Random mutations and truncations of valid answers

const mutationChars = '<{}>*_[]()!#-'
const mutationTokens = ['<Callout type="info">', '</Callout>', '<Insights>', '</Insights>', '<Term slug="vix">', '</Term>', '---', '```', '\n\n', '\\', '&#106;', '|', '> ', '- ', '1. ']

const mutations: readonly { name: string; apply: (bytes: Buffer, rng: Rng) => Buffer }[] = [
  {
    name: 'byte flips',
    apply: (bytes, rng) => {
      const out = Buffer.from(bytes)
      for (let n = 1 + rng.int(8); n > 0; n--) {
        const at = rng.int(out.length)
        out[at] = (out[at] ?? 0) ^ (1 + rng.int(255))
      }
      return out
    },
  },
  {
    name: 'inserted punctuation',
    apply: (bytes, rng) => {
      let out = bytes
      for (let n = 1 + rng.int(8); n > 0; n--) out = insertAt(out, rng.int(out.length + 1), Buffer.from(rng.pick([...mutationChars])))
      return out
    },
  },
  {
    name: 'inserted tokens',
    apply: (bytes, rng) => {
      let out = bytes
      for (let n = 1 + rng.int(4); n > 0; n--) out = insertAt(out, rng.int(out.length + 1), Buffer.from(rng.pick(mutationTokens)))
      return out
    },
  },
  {
    name: 'deleted span',
    apply: (bytes, rng) => {
      const start = rng.int(bytes.length)
      return Buffer.concat([bytes.subarray(0, start), bytes.subarray(start + 1 + rng.int(64))])
    },
  },
  {
    name: 'duplicated span',
    apply: (bytes, rng) => {
      const start = rng.int(bytes.length)
      return insertAt(bytes, start, bytes.subarray(start, start + 1 + rng.int(64)))
    },
  },
]

const mutationBases = [baseAnswer('mdx'), baseAnswer('md')] as const

function mutation(rng: Rng, index: number): Draft {
  const kind = mutations[index % mutations.length] ?? mutations[0]
  if (!kind) throw new Error('no mutations')
  const format = rng.int(4) === 0 ? 'md' : 'mdx'
  return { label: `mutations/${kind.name} (${format})`, format, content: kind.apply(Buffer.from(mutationBases[format === 'mdx' ? 0 : 1]), rng), expect: 'unknown' }
}

/** Every 7th byte offset of each base in turn: case i cuts base (i / offsets) at 7 × (i mod offsets). */
function truncation(_rng: Rng, index: number): Draft {
  const bases = mutationBases.map((text) => Buffer.from(text))
  const offsets = bases.map((bytes) => Math.ceil(bytes.length / 7))
  const total = offsets.reduce((sum, n) => sum + n, 0)
  let i = index % total
  let which = 0
  while (i >= (offsets[which] ?? 0)) i -= offsets[which++] ?? 0
  const base = bases[which] ?? Buffer.alloc(0)
  const format = which === 0 ? 'mdx' : 'md'
  return { label: `truncation/${format} base cut at byte ${i * 7} of ${base.length}`, format, content: base.subarray(0, i * 7), expect: i === 0 ? 'invalid' : 'unknown' }
}

// ---------------------------------------------------------------------------------------------------------------
// Odd file names and places (the name is part of every message)

const oddNames: readonly [string, Expectation][] = [
  ['answers/with space.mdx', 'invalid'],
  ['answers/ünïcödé-名前.mdx', 'invalid'],
  ['answers/emoji-😀.mdx', 'invalid'],
  ['answers/colon:1:2 fake.mdx', 'invalid'],
  ['answers/new\nline.mdx', 'invalid'],
  ['answers/carriage\rreturn.mdx', 'invalid'],
  ['answers/tab\tname.mdx', 'invalid'],
  ['answers/escape-\u001b[31m.mdx', 'invalid'],
  ['answers/rtl-\u202egpj.mdx', 'invalid'],
  ['answers/%2e%2e-percent.mdx', 'invalid'],
  [`answers/${'a'.repeat(240)}.mdx`, 'invalid'],
  [`answers/${Array.from({ length: 40 }, (_, i) => `d${i}`).join('/')}/deep.mdx`, 'invalid'],
  ['answers/x.md', 'invalid'],
  ['top-level.mdx', 'invalid'],
  ['glossary/sub/nested-term.mdx', 'unknown'],
  ['answers/.hidden.mdx', 'unknown'],
  ['answers/node_modules/x.mdx', 'unknown'],
  ['README.mdx', 'unknown'],
  ['answers/upper.MDX', 'unknown'],
]

function oddPath(_rng: Rng, index: number): Draft {
  const [relPath, expect] = oddNames[index % oddNames.length] ?? oddNames[0] ?? ['answers/x.mdx', 'invalid']
  return { label: `odd-paths/${JSON.stringify(relPath)}`, relPath, content: answerFile('A raw <div>HTML tag</div> makes this file invalid in both formats.'), expect }
}

// ---------------------------------------------------------------------------------------------------------------

const fromTemplates = (templates: readonly ((rng: Rng) => Draft)[]) => ({
  templates: templates.length,
  generate: (rng: Rng, index: number): Draft => {
    const template = templates[index % templates.length]
    if (!template) throw new Error('no templates')
    return template(rng)
  },
})

export const hostileClasses = {
  nesting: { templates: nestingKinds.length * nestingDepths.length, generate: nesting },
  'long-lines': fromTemplates(longLineTemplates),
  'odd-bytes': fromTemplates(oddByteTemplates),
  'odd-yaml': fromTemplates(yamlTemplates),
  'mdx-oddities': { templates: snippets.length, generate: mdxOddity },
  mutations: { templates: mutations.length, generate: mutation },
  truncation: { templates: mutationBases.reduce((sum, text) => sum + Math.ceil(Buffer.byteLength(text) / 7), 0), generate: truncation },
  'odd-paths': { templates: oddNames.length, generate: oddPath },
} as const satisfies Record<string, { templates: number; generate: (rng: Rng, index: number) => Draft }>

export type HostileClassName = keyof typeof hostileClasses
export const hostileClassNames = Object.keys(hostileClasses) as HostileClassName[]

export function generateCase(className: HostileClassName, seed: number, index: number): HostileCase {
  const draft = hostileClasses[className].generate(createRng(caseSeed(seed, className, index)), index)
  return {
    className,
    seed,
    index,
    label: draft.label,
    relPath: draft.relPath ?? `answers/m-hostile.${draft.format ?? 'mdx'}`,
    content: typeof draft.content === 'string' ? Buffer.from(draft.content) : draft.content,
    expect: draft.expect,
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Running a case: the hostile file next to a valid glossary, a valid control answer and two known-bad sentinels

export type Invariant =
  | 'no-throw'
  | 'no-hang'
  | 'no-internal-error'
  | 'problem-file'
  | 'problem-position'
  | 'message-one-line'
  | 'message-no-control-chars'
  | 'sentinel-reported'
  | 'control-clean'
  | 'expected-valid'
  | 'expected-invalid'
  | 'no-prototype-pollution'

export interface Violation {
  invariant: Invariant
  detail: string
}

export interface CaseOutcome {
  violations: Violation[]
  /** Problems reported for the hostile file itself. */
  problems: Problem[]
  wallMs: number
  /** CPU time of the whole process (the ingest thread plus V8's GC helpers): load on a shared machine does not inflate it. */
  cpuMs: number
}

/** Per-file limit on CPU time; wall time is only capped (at a multiple of it) against a stalled worker. */
export const perFileTimeoutMs = 5000
const wallCapFactor = 6

const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

const sentinelBody = 'Sentinel text with {sentinel} inside.'
const sentinel = (title: string) => answerFile(sentinelBody, [`title: "${title}"`, ...answerFields.slice(1)])
/** The files every case runs next to: a valid glossary and control answer, and two sentinels with a known problem. */
export const neighbourFiles: Readonly<Record<string, string>> = {
  'glossary/vix.mdx': glossaryEntry('VIX', ['Cboe Volatility Index'], ['contango']),
  'glossary/contango.mdx': glossaryEntry('Contango', [], ['vix']),
  'answers/aa-sentinel.mdx': sentinel('Is the first sentinel problem still reported?'),
  'answers/ab-control.mdx': answerFile('The control answer mentions the VIX and <Term slug="contango">contango</Term>.', [
    'title: "What does the fuzz control answer say?"',
    ...answerFields.slice(1),
  ]),
  'answers/zz-sentinel.mdx': sentinel('Is the last sentinel problem still reported?'),
}
const sentinelLine = answerFile(sentinelBody).split('\n').indexOf(sentinelBody) + 1
const sentinelColumn = sentinelBody.indexOf('{') + 1

/** The lines an editor would see: by LF alone (what front matter counts) or by any line ending (what MDX counts). */
function positionFits(text: string, line: number, column: number): boolean {
  if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1) return false
  return [/\n/, /\r\n|\r|\n/].some((separator) => {
    const lines = text.split(separator)
    if (line === lines.length + 1) return column === 1
    const at = lines[line - 1]
    return at !== undefined && column <= at.length + 1
  })
}

function oneLine(error: unknown): string {
  if (!(error instanceof Error)) return String(error).split('\n')[0] ?? ''
  const frame = error.stack?.split('\n').find((l) => /^\s+at /.test(l))?.trim() ?? ''
  return `${error.name}: ${error.message.split('\n')[0] ?? ''} ${frame}`.trim()
}

const shown = (problem: Problem) => JSON.stringify(formatProblem(problem).slice(0, 300))

/** Every invariant from the issue, checked against one ingest report. */
export function checkProblems(hostile: HostileCase, dir: string, problems: readonly Problem[]): Violation[] {
  const violations: Violation[] = []
  const texts = new Map<string, string>()
  for (const [relPath, text] of [...Object.entries(neighbourFiles), [hostile.relPath, hostile.content.toString('utf8')] as const]) {
    const absolute = path.join(dir, relPath)
    texts.set(absolute, text)
    texts.set(path.relative(process.cwd(), absolute), text)
  }
  const fileOf = (relPath: string) => path.join(dir, relPath)
  const isFile = (problem: Problem, relPath: string) => problem.file === fileOf(relPath) || problem.file === path.relative(process.cwd(), fileOf(relPath))
  const inGlossary = hostile.relPath.startsWith('glossary/')

  for (const problem of problems) {
    const text = texts.get(problem.file)
    if (text === undefined) {
      violations.push({ invariant: 'problem-file', detail: `not a generated file: ${shown(problem)}` })
      continue
    }
    if (!positionFits(text, problem.line, problem.column)) violations.push({ invariant: 'problem-position', detail: shown(problem) })
    if (problem.message.trim() === '' || /[\n\r\u2028\u2029]/.test(formatProblem(problem))) {
      violations.push({ invariant: 'message-one-line', detail: shown(problem) })
    }
    if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(problem.message)) violations.push({ invariant: 'message-no-control-chars', detail: shown(problem) })
    if (/^internal error/i.test(problem.message)) violations.push({ invariant: 'no-internal-error', detail: shown(problem) })
  }
  for (const relPath of ['answers/aa-sentinel.mdx', 'answers/zz-sentinel.mdx']) {
    if (!problems.some((p) => isFile(p, relPath) && p.line === sentinelLine && p.column === sentinelColumn)) {
      violations.push({ invariant: 'sentinel-reported', detail: `${relPath}:${sentinelLine}:${sentinelColumn} is missing` })
    }
  }
  // A hostile glossary entry may rightly put a problem on the entry it clashes with (the later file).
  const affected = (p: Problem) => isFile(p, hostile.relPath) || (inGlossary && p.file.includes(`${path.sep}glossary${path.sep}`))
  const bystanders = ['answers/ab-control.mdx', ...(inGlossary ? [] : ['glossary/vix.mdx', 'glossary/contango.mdx'])]
  for (const problem of problems.filter((p) => bystanders.some((relPath) => isFile(p, relPath)))) {
    violations.push({ invariant: 'control-clean', detail: shown(problem) })
  }
  const own = problems.filter(affected)
  if (hostile.expect === 'valid' && own.length > 0) violations.push({ invariant: 'expected-valid', detail: own.slice(0, 3).map(shown).join(' ; ') })
  if (hostile.expect === 'invalid' && own.length === 0) violations.push({ invariant: 'expected-invalid', detail: 'no problem reported for it' })
  return violations
}

/** Runs ingest in check mode (no database) on one hostile file and its neighbours, in this thread. */
export async function runHostileCase(hostile: HostileCase, parentDir = tmpdir()): Promise<CaseOutcome> {
  const dir = mkdtempSync(path.join(parentDir, 'case-'))
  for (const [relPath, content] of [...Object.entries(neighbourFiles), [hostile.relPath, hostile.content] as const]) {
    mkdirSync(path.dirname(path.join(dir, relPath)), { recursive: true })
    writeFileSync(path.join(dir, relPath), content)
  }
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).join()
  const started = performance.now()
  const cpuStart = process.cpuUsage()
  const violations: Violation[] = []
  let problems: Problem[] = []
  try {
    problems = (await ingestContent({ contentDir: dir, db: null, write: false })).problems
  } catch (error) {
    violations.push({ invariant: 'no-throw', detail: oneLine(error) })
  }
  const wallMs = performance.now() - started
  const cpuMs = cpuMsSince(cpuStart)
  if (cpuMs > perFileTimeoutMs) violations.push({ invariant: 'no-hang', detail: `took ${Math.round(cpuMs)} ms of CPU (${Math.round(wallMs)} ms wall)` })
  if (Object.getOwnPropertyNames(Object.prototype).join() !== prototypeBefore || 'polluted' in {}) {
    violations.push({ invariant: 'no-prototype-pollution', detail: Object.getOwnPropertyNames(Object.prototype).join() })
  }
  const checked = violations.some((v) => v.invariant === 'no-throw') ? [] : checkProblems(hostile, dir, problems)
  rmSync(dir, { recursive: true, force: true })
  const own = problems.filter((p) => p.file.endsWith(hostile.relPath))
  return { violations: [...violations, ...checked], problems: own, wallMs, cpuMs }
}

// ---------------------------------------------------------------------------------------------------------------
// A worker thread that runs cases, so a case that never returns is stopped after the timeout instead of stalling
// the whole run (a synchronous loop cannot be interrupted from its own thread).

interface CaseRequest {
  id: number
  /** Where the case writes its files: the runner removes it, also after a case it had to stop. */
  parentDir: string
  hostile: Omit<HostileCase, 'content'> & { content: Uint8Array }
}
interface CaseReply {
  id: number
  outcome: CaseOutcome
}

/** Entry point inside the worker. */
export function serveHostileCases(): void {
  if (isMainThread || !parentPort) throw new Error('serveHostileCases runs inside a worker thread')
  const port = parentPort
  port.on('message', (request: CaseRequest) => {
    const hostile = { ...request.hostile, content: Buffer.from(request.hostile.content) }
    void runHostileCase(hostile, request.parentDir).then(
      (outcome) => port.postMessage({ id: request.id, outcome } satisfies CaseReply),
      (error: unknown) => port.postMessage({ id: request.id, outcome: { violations: [{ invariant: 'no-throw', detail: oneLine(error) }], problems: [], wallMs: 0, cpuMs: 0 } } satisfies CaseReply),
    )
  })
  port.postMessage('ready')
}

// The main thread's V8 stack is ~984 KB; a worker gets 4 MB unless told. Measured: 1.15 MB here gives the same
// recursion depth as the main thread (~13,700 frames), so stack overflows happen at the same nesting as in the CLI.
const workerStackMb = 1.15

export interface CaseRunner {
  run(hostile: HostileCase): Promise<CaseOutcome>
  close(): Promise<void>
}

/** Runs cases one at a time in a worker; stops and replaces it when a case uses more than `timeoutMs` of CPU. */
export function createCaseRunner(timeoutMs = perFileTimeoutMs): CaseRunner {
  // The worker loads this file through tsx, resolved (like tsconfig's "@/" paths) from the project root.
  const self = import.meta.url
  const boot = `import('tsx/esm/api').then((api) => api.tsImport(${JSON.stringify(self)}, ${JSON.stringify(self)})).then((m) => m.serveHostileCases())`
  let worker: Promise<Worker> | undefined
  let nextId = 0
  const parentDir = mkdtempSync(path.join(tmpdir(), 'ask-kb-fuzz-'))
  const start = () =>
    new Promise<Worker>((resolve, reject) => {
      const w = new Worker(boot, { eval: true, execArgv: ['--conditions=react-server'], resourceLimits: { stackSizeMb: workerStackMb } })
      w.once('message', () => {
        w.off('error', reject)
        resolve(w)
      })
      w.once('error', reject)
    })
  return {
    async run(hostile) {
      const current = await (worker ??= start())
      const id = nextId++
      const started = performance.now()
      const cpuStart = process.cpuUsage()
      return new Promise<CaseOutcome>((resolve) => {
        const finish = (outcome: CaseOutcome, stop: boolean) => {
          clearInterval(watchdog)
          current.off('message', onMessage)
          current.off('error', onError)
          if (stop) {
            worker = undefined
            void current.terminate()
          }
          resolve(outcome)
        }
        const fail = (invariant: Invariant, detail: string) =>
          finish({ violations: [{ invariant, detail }], problems: [], wallMs: performance.now() - started, cpuMs: cpuMsSince(cpuStart) }, true)
        // This thread only waits meanwhile, so the process's CPU time is the case's.
        const watchdog = setInterval(() => {
          const cpuMs = cpuMsSince(cpuStart)
          const wallMs = performance.now() - started
          if (cpuMs > timeoutMs || wallMs > timeoutMs * wallCapFactor) {
            fail('no-hang', `stopped after ${Math.round(cpuMs)} ms of CPU (${Math.round(wallMs)} ms wall) without an answer`)
          }
        }, 100)
        const onMessage = (reply: CaseReply) => {
          if (reply.id === id) finish(reply.outcome, false)
        }
        // Out of memory ends the worker; that is a crash of this case, and the next case gets a fresh worker.
        const onError = (error: Error) => fail('no-throw', `worker died: ${oneLine(error)}`)
        current.on('message', onMessage)
        current.on('error', onError)
        current.postMessage({ id, parentDir, hostile } satisfies CaseRequest)
      })
    },
    async close() {
      const current = await worker
      worker = undefined
      await current?.terminate()
      rmSync(parentDir, { recursive: true, force: true })
    },
  }
}
