import { answerFile, baseBlocks, type Draft, type Expectation, type Rng } from '@/tests/helpers/hostile/base'

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

export const snippets: readonly Snippet[] = [
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

export function mdxOddity(rng: Rng, index: number): Draft {
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
