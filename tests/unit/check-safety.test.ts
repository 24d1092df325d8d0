import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { checkSafety } from '@/lib/mdx/check-safety'
import { parseAnswerBody } from '@/lib/mdx/parse'

/** Every message the safety pass records for a body, as "line:column reason". */
function check(body: string, format: 'mdx' | 'md' = 'mdx'): string[] {
  const file = new VFile(body)
  checkSafety(parseAnswerBody(file, format), file)
  return file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`)
}

const allowed = 'allowed components: Callout, Insights, Term (for a literal "<" in text, write \\<)'

describe('checkSafety', () => {
  it('accepts allowed components with allowed attributes, in allowed places', () => {
    expect(check('<Callout type="tip" title="T">\n\nText with <Term slug="vix">VIX</Term>.\n\n</Callout>\n\n<Insights>\n\n- one\n\n</Insights>')).toEqual([])
    expect(check('<Callout type="info">One line.</Callout>')).toEqual([])
    expect(check('- a list item with <Term slug="vix">VIX</Term>\n\n> a quote with <Term slug="vix">VIX</Term>')).toEqual([])
    expect(check('[a safe link](https://example.com) and ![an image](/a.png) and [ref]\n\n[ref]: /relative')).toEqual([])
  })

  it('rejects import and export statements', () => {
    expect(check("import X from './x.js'\n\nText.\n\nexport const y = 1")).toEqual([
      '1:1 import/export statements are not allowed; allowed components are available without importing',
      '5:1 import/export statements are not allowed; allowed components are available without importing',
    ])
  })

  it('rejects expressions in flow and in text', () => {
    const message = 'JavaScript expressions in braces are not allowed; to show a literal brace in text, write \\{ and \\}'
    expect(check('{1 + 1}\n\nText {x} here.')).toEqual([`1:1 ${message}`, `3:6 ${message}`])
  })

  it('rejects fragments', () => {
    expect(check('<>text</>')).toEqual(['1:1 fragments (<>…</>) are not allowed; write the content directly'])
  })

  it('rejects unknown components, raw HTML and dangerous tags, including prototype names', () => {
    expect(check('<Chart />')).toEqual([`1:1 unknown component <Chart>; ${allowed}`])
    expect(check('<div>x</div>')).toEqual([`1:1 raw HTML <div> is not allowed; write it in Markdown or with an allowed component; ${allowed}`])
    expect(check('<iframe src="x" />')).toEqual([`1:1 <iframe> is not allowed in answers; ${allowed}`])
    expect(check('<Script>x</Script>')).toEqual([`1:1 <Script> is not allowed in answers; ${allowed}`])
    for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
      expect(check(`<${name} />`)).toEqual([`1:1 raw HTML <${name}> is not allowed; write it in Markdown or with an allowed component; ${allowed}`])
    }
    expect(check('<__proto__ />')).toEqual([`1:1 unknown component <__proto__>; ${allowed}`])
  })

  it('rejects spread, expression and event-handler attributes', () => {
    expect(check('<Callout type="info" {...props}>\n\nx\n\n</Callout>')).toEqual(['1:22 spread attributes ({...}) are not allowed on <Callout>'])
    expect(check('<Callout type={kind}>\n\nx\n\n</Callout>')).toEqual(['1:10 attribute "type" on <Callout> must be a plain quoted string, not a {expression}'])
    expect(check('<Callout type="info" onClick="alert(1)">\n\nx\n\n</Callout>')).toEqual(['1:22 event handler attribute "onClick" is not allowed on <Callout>'])
    expect(check('<Callout type="info" ONMOUSEOVER="x">\n\nx\n\n</Callout>')).toEqual(['1:22 event handler attribute "ONMOUSEOVER" is not allowed on <Callout>'])
  })

  it('rejects unknown attributes, attributes without a value, values outside the list and missing required ones', () => {
    expect(check('<Callout type="info" colour="red">\n\nx\n\n</Callout>')).toEqual(['1:22 unknown attribute "colour" on <Callout>; allowed: type, title'])
    expect(check('<Callout type="info" toString="x">\n\nx\n\n</Callout>')).toEqual(['1:22 unknown attribute "toString" on <Callout>; allowed: type, title'])
    expect(check('<Callout type>\n\nx\n\n</Callout>')).toEqual(['1:10 attribute "type" on <Callout> needs a value, e.g. type="info"'])
    expect(check('<Callout type="danger">\n\nx\n\n</Callout>')).toEqual(['1:10 <Callout type="danger"> must be one of: info, tip, warning'])
    expect(check('<Callout type="constructor">\n\nx\n\n</Callout>')).toEqual(['1:10 <Callout type="constructor"> must be one of: info, tip, warning'])
    expect(check('<Callout>\n\nx\n\n</Callout>')).toEqual(['1:1 <Callout> needs a type attribute, e.g. <Callout type="info">'])
    expect(check('Text <Term>x</Term>.')).toEqual(['1:6 <Term> needs a slug attribute, e.g. <Term slug="…">'])
  })

  it('rejects components where they cannot render', () => {
    expect(check('A sentence <Callout type="info">x</Callout> goes on.')).toEqual([
      '1:12 <Callout> is a block: put <Callout> and </Callout> on lines of their own, with blank lines around it, not inside a sentence, heading, link or table cell',
    ])
    expect(check('<Term slug="vix">\n\nA paragraph.\n\n</Term>')).toEqual(['1:1 <Term> goes inside a sentence and can only hold text, e.g. <Term slug="vix">VIX</Term>'])
    expect(check('## About <Term slug="vix">VIX</Term>')).toEqual(['1:10 <Term> is not allowed in a heading (glossary links are never shown in headings); write the plain words'])
    expect(check('[see <Term slug="vix">VIX</Term>](/x)')).toEqual(['1:6 <Term> cannot be inside a link; take one of them out'])
    expect(check('<Term slug="vix">the <Term slug="vix">VIX</Term></Term>')).toEqual(['1:22 <Term> cannot be inside a <Term>; take one of them out'])
    expect(check('<Term slug="vix">see [this](/x)</Term>')).toEqual(['1:22 a link cannot be inside a <Term>; take one of them out'])
    expect(check('| a |\n| - |\n| <Callout type="info">x</Callout> |')).toEqual([
      '3:3 <Callout> is a block: put <Callout> and </Callout> on lines of their own, with blank lines around it, not inside a sentence, heading, link or table cell',
    ])
  })

  it('rejects javascript:, vbscript: and data: URLs in links, images and definitions, however they are written', () => {
    const unsafe = (url: string) => `unsafe URL "${url}": javascript:, vbscript: and data: links are not allowed`
    expect(check('[x](javascript:alert(1))')).toEqual([`1:1 ${unsafe('javascript:alert(1)')}`])
    expect(check('[x](JaVaScRiPt:alert(1))')).toEqual([`1:1 ${unsafe('JaVaScRiPt:alert(1))'.slice(0, -1))}`])
    expect(check('[x](&#106;avascript:alert(1))')).toEqual([`1:1 ${unsafe('javascript:alert(1)')}`])
    expect(check('[x](java&#x09;script:alert(1))')).toEqual([`1:1 ${unsafe('java script:alert(1)')}`])
    expect(check('[x](vbscript:msgbox)')).toEqual([`1:1 ${unsafe('vbscript:msgbox')}`])
    expect(check('![x](data:image/svg+xml;base64,PHN2Zz4=)')).toEqual([`1:1 ${unsafe('data:image/svg+xml;base64,PHN2Zz4=')}`])
    expect(check('[x][r]\n\n[r]: javascript:alert(1)')).toEqual([`3:1 ${unsafe('javascript:alert(1)')}`])
  })

  it('accepts images from this site only, inline or through a definition, as the pages\' img-src allows', () => {
    const elsewhere = (url: string) => `image "${url}" is not served by this site: pages show images from this site only; put the file under public/ and use its path (e.g. /images/chart.png)`
    expect(check('![a chart](/images/chart.png)')).toEqual([])
    expect(check('![a pixel](https://tracker.example/p.gif)')).toEqual([`1:1 ${elsewhere('https://tracker.example/p.gif')}`])
    expect(check('![x](//cdn.example/x.png)')).toEqual([`1:1 ${elsewhere('//cdn.example/x.png')}`])
    expect(check('![x](chart.png)')).toEqual([`1:1 ${elsewhere('chart.png')}`])
    expect(check('![x][img]\n\n[img]: https://cdn.example/x.png')).toEqual([`3:1 ${elsewhere('https://cdn.example/x.png')}`])
    // The same definition used only by a link is a link, and may point anywhere.
    expect(check('[x][ref]\n\n[ref]: https://example.com/page')).toEqual([])
  })

  it('rejects raw HTML and comments in plain .md files, one line per problem', () => {
    expect(check('Text.\n\n<div>\nblock\n</div>', 'md')).toEqual(['3:1 raw HTML is not allowed (<div>); use Markdown or an allowed component'])
    expect(check('Text <span>inline</span>.', 'md')).toEqual([
      '1:6 raw HTML is not allowed (<span>); use Markdown or an allowed component',
      '1:18 raw HTML is not allowed (<span>); use Markdown or an allowed component',
    ])
    expect(check('<!-- a\ncomment -->', 'md')).toEqual(['1:1 HTML comments (<!-- ... -->) are not supported in answers; delete the comment'])
  })
})
