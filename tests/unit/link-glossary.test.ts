import { createProcessor } from '@mdx-js/mdx'
import type { Nodes, Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { linkGlossaryTerms, sourcePhrases } from '@/lib/mdx/link-glossary'
import { TermMatcher } from '@/lib/mdx/term-matcher'

const sources = [
  { slug: 'vix', patterns: ['VIX'] },
  { slug: 'vix-term-structure', patterns: ['VIX term structure'] },
  { slug: 'contango', patterns: ['contango'] },
  { slug: 'theta', patterns: ['theta'] },
]
const options = { matcher: new TermMatcher(sources), knownSlugs: new Set(sources.map((s) => s.slug)) }
const processor = createProcessor({ remarkPlugins: [remarkGfm] })

function link(markdown: string) {
  const tree = processor.parse(markdown) as Root
  const file = new VFile(markdown)
  const slugs = linkGlossaryTerms(tree, file, options)
  const links: [string, string][] = []
  const walk = (node: Nodes) => {
    if (node.type === 'glossaryTerm') {
      links.push([node.slug, node.children.map((c) => (c.type === 'text' ? c.value : '')).join('')])
    } else if (node.type === 'mdxJsxTextElement' && node.name === 'Term') {
      const slug = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'slug')?.value
      const text = node.children.map((c) => (c.type === 'text' ? c.value : '')).join('')
      links.push([String(slug), text])
    }
    if ('children' in node) node.children.forEach(walk)
  }
  walk(tree)
  return { slugs, links, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`) }
}

describe('linkGlossaryTerms', () => {
  it('links only the first occurrence of each term, in order of appearance', () => {
    const result = link('Contango lifts VIX futures. Later, VIX and contango again.\n\nTheta decays; VIX.')
    expect(result.links).toEqual([
      ['contango', 'Contango'],
      ['vix', 'VIX'],
      ['theta', 'Theta'],
    ])
    expect(result.slugs).toEqual(['contango', 'vix', 'theta'])
  })

  it('never links inside headings, links, inline code or code blocks', () => {
    const result = link(
      '## VIX in a heading\n\n[VIX link](/x) and `VIX code`\n\n```\nVIX in code\n```\n\nFinally the VIX term structure and VIX.',
    )
    expect(result.links).toEqual([
      ['vix-term-structure', 'VIX term structure'],
      ['vix', 'VIX'],
    ])
  })

  it('links inside allowed components and tables, never in attributes', () => {
    const result = link('<Callout type="tip" title="VIX note">\n\nWatch contango.\n\n</Callout>\n\n| a |\n|---|\n| theta |\n')
    expect(result.links).toEqual([
      ['contango', 'contango'],
      ['theta', 'theta'],
    ])
  })

  it('turns an explicit <Term> into a link, counts it as the first occurrence, and rejects unknown slugs', () => {
    const ok = link('The <Term slug="contango">roll-down cost</Term> of contango.')
    expect(ok.links).toEqual([['contango', 'roll-down cost']])
    expect(ok.slugs).toEqual(['contango'])
    const bad = link('Line one.\n\nSee <Term slug="nope">this</Term>.')
    expect(bad.messages).toEqual(['3:5 unknown glossary term slug "nope" in <Term>; add content/glossary/nope.mdx or fix the slug'])
  })
})

describe('the answer\'s own source (basedOn) is not linked', () => {
  const linkWithSource = (markdown: string, basedOn: string) => {
    const tree = processor.parse(markdown) as Root
    return linkGlossaryTerms(tree, new VFile(markdown), { ...options, protectedPhrases: sourcePhrases(basedOn) })
  }

  it('protects the whole source and its title of two words or more, as whole words, in any case', () => {
    expect(sourcePhrases('VIX Contango Guide by Jane Doe')).toEqual(['VIX Contango Guide by Jane Doe', 'VIX Contango Guide'])
    expect(linkWithSource('See the vix contango guide for more.', 'VIX Contango Guide by Jane Doe')).toEqual([])
    // Elsewhere in the same answer the terms are uses again.
    expect(linkWithSource('See the VIX Contango Guide. Contango costs VIX holders.', 'VIX Contango Guide by Jane Doe')).toEqual(['contango', 'vix'])
  })

  it('does not protect a one-word title, which reads like the term itself', () => {
    expect(sourcePhrases('Contango by Jane Doe')).toEqual(['Contango by Jane Doe'])
    expect(linkWithSource('Contango is when later months cost more.', 'Contango by Jane Doe')).toEqual(['contango'])
    expect(linkWithSource('As Contango by Jane Doe explains, it costs.', 'Contango by Jane Doe')).toEqual([])
  })

  it('keeps offsets right when case-folding changes a string\'s length', () => {
    // "İ" lower-cases to two code units; ranges found on a lower-cased copy would shift past it.
    expect(linkWithSource('İİİ: the VIX Contango Guide, then theta.', 'VIX Contango Guide by Jane Doe')).toEqual(['theta'])
  })
})
