import { describe, expect, it } from 'vitest'
import { escapeControls, formatProblem, sortProblems } from '@/lib/content/problem'

describe('problems stay one printable line', () => {
  it('escapes line breaks, terminal escapes and NUL in messages and file names', () => {
    expect(escapeControls('a\nb\r\tc\u0000d\u001b[31me\u2028f')).toBe('a\\nb\\r\\tc\\u0000d\\u001b[31me\\u2028f')
    const [problem] = sortProblems([{ file: 'content/new\nline.mdx', line: 3, column: 1, message: 'unknown front matter field "bad\u0000key"' }])
    expect(problem?.message).toBe('unknown front matter field "bad\\u0000key"')
    expect(formatProblem(problem ?? { file: '', line: 0, column: 0, message: '' })).toBe('content/new\\nline.mdx:3:1 unknown front matter field "bad\\u0000key"')
  })
})
