import { answerFields, answerFile, baseAnswer, insertAt, type Draft, type Expectation, type Rng } from '@/tests/helpers/hostile/base'

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

const slotNames = ['intro', 'heading', 'item', 'callout'] as const

export const oddByteTemplates: readonly ((rng: Rng) => Draft)[] = [
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
