import { answerFields, answerFile, baseBlocks, type Draft, type Expectation, type Rng } from '@/tests/helpers/hostile/base'

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

export const yamlTemplates: readonly ((rng: Rng) => Draft)[] = [
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
