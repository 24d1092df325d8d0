import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { maxNestingLevels, measureNesting, scanNesting } from '@/lib/mdx/nesting'
import { parseAnswerBody } from '@/lib/mdx/parse'

describe('scanNesting (before parsing)', () => {
  it('passes real answers and shallow nesting', () => {
    expect(scanNesting('- a\n  - b\n    - c\n\n> quote\n> > nested\n\n**bold** and *em* and [link](x)')).toBeUndefined()
    expect(scanNesting('*'.repeat(300))).toBeUndefined() // a thematic break, not emphasis
    expect(scanNesting('- '.repeat(maxNestingLevels) + 'x')).toBeUndefined()
  })

  it('finds each kind of deep nesting, where it starts, with its real depth', () => {
    expect(scanNesting('intro\n\n' + '- '.repeat(1000) + 'x')).toEqual({ line: 3, column: 1, levels: 1000, what: 'lists or block quotes' })
    expect(scanNesting('> '.repeat(5000) + 'x')).toEqual({ line: 1, column: 1, levels: 5000, what: 'lists or block quotes' })
    expect(scanNesting('1. '.repeat(300) + 'x')).toMatchObject({ levels: 300, what: 'lists or block quotes' })
    const indented = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')
    expect(scanNesting(`text\n\n${indented}`)).toMatchObject({ line: 3, what: 'lists or block quotes', levels: 299 + 1 })
    expect(scanNesting('x ' + '['.repeat(500) + 'y')).toEqual({ line: 1, column: 3 + maxNestingLevels, levels: 500, what: 'brackets' })
    expect(scanNesting('a ' + '*'.repeat(1000) + 'x' + '*'.repeat(1000))).toMatchObject({ line: 1, what: 'emphasis', levels: 500 })
    const components = '<Callout type="info">\n\n'.repeat(150) + 'x\n\n' + '</Callout>\n\n'.repeat(150)
    expect(scanNesting(`first\n\n${components}`)).toEqual({ line: 3, column: 1, levels: 150, what: 'components' })
  })

  it('counts emphasis markers per paragraph and per file, and expression braces across lines', () => {
    expect(scanNesting('intro\n\n' + '*a* _b_ '.repeat(600))).toEqual({ line: 3, column: 1, levels: 2400, what: 'emphasis markers in one paragraph', countLimit: 2000 })
    expect(scanNesting(Array.from({ length: 2000 }, () => '*a* _b_ *c*').join('\n\n'))).toMatchObject({ what: 'emphasis markers in one file', levels: 12000, countLimit: 10000 })
    expect(scanNesting('{\n'.repeat(300))).toEqual({ line: 1, column: 1, levels: 300, what: 'braces' })
    expect(scanNesting(Array.from({ length: 500 }, () => '*a* _b_').join('\n\n'))).toBeUndefined()
  })

  it('ignores escaped brackets and self-closing components', () => {
    expect(scanNesting('\\['.repeat(500))).toBeUndefined()
    expect(scanNesting('<Term slug="a" />'.repeat(500))).toBeUndefined()
  })
})

describe('measureNesting (after parsing)', () => {
  it('measures the deepest chain without recursion and points at its outermost node', () => {
    const body = 'intro\n\n' + Array.from({ length: 120 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')
    const tree = parseAnswerBody(new VFile(body), 'mdx')
    expect(measureNesting(tree)).toEqual({ line: 3, column: 1, levels: 120, what: 'content' })
    expect(measureNesting(tree, 200)).toBeUndefined()
  })
})
