import { answerFile, baseAnswer, insertAt, type Draft, type Expectation, type Rng } from '@/tests/helpers/hostile/base'

// Random mutations and truncations of valid answers

const mutationChars = '<{}>*_[]()!#-'
const mutationTokens = ['<Callout type="info">', '</Callout>', '<Insights>', '</Insights>', '<Term slug="vix">', '</Term>', '---', '```', '\n\n', '\\', '&#106;', '|', '> ', '- ', '1. ']

export const mutations: readonly { name: string; apply: (bytes: Buffer, rng: Rng) => Buffer }[] = [
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

export const mutationBases = [baseAnswer('mdx'), baseAnswer('md')] as const

export function mutation(rng: Rng, index: number): Draft {
  const kind = mutations[index % mutations.length] ?? mutations[0]
  if (!kind) throw new Error('no mutations')
  const format = rng.int(4) === 0 ? 'md' : 'mdx'
  return { label: `mutations/${kind.name} (${format})`, format, content: kind.apply(Buffer.from(mutationBases[format === 'mdx' ? 0 : 1]), rng), expect: 'unknown' }
}

/** Every 7th byte offset of each base in turn: case i cuts base (i / offsets) at 7 × (i mod offsets). */
export function truncation(_rng: Rng, index: number): Draft {
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

export const oddNames: readonly [string, Expectation][] = [
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

export function oddPath(_rng: Rng, index: number): Draft {
  const [relPath, expect] = oddNames[index % oddNames.length] ?? oddNames[0] ?? ['answers/x.mdx', 'invalid']
  return { label: `odd-paths/${JSON.stringify(relPath)}`, relPath, content: answerFile('A raw <div>HTML tag</div> makes this file invalid in both formats.'), expect }
}
