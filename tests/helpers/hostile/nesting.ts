import { answerFile, maxBodyBytes, type Draft, type Expectation, type Rng } from '@/tests/helpers/hostile/base'

// Deep nesting

export const nestingDepths = [10, 100, 500, 1000, 5000, 50000] as const

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

export const nestingKinds: readonly NestingKind[] = [
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
  { name: 'images-in-links', build: (d) => `${'[!['.repeat(d)}x${'](/i.png)](https://example.com)'.repeat(d)}`, jsx: false, shallow: 'valid' },
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

export function nesting(rng: Rng, index: number): Draft {
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
