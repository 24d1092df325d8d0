import { maxFileBytes } from '@/lib/content/load'
import { answerFields, answerFile, maxBodyBytes, type Draft, type Rng } from '@/tests/helpers/hostile/base'

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

export const longLineTemplates: readonly ((rng: Rng) => Draft)[] = [
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
