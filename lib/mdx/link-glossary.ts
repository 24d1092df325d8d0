import type { Nodes, Parent, Parents, PhrasingContent, Root, Text } from 'mdast'
import type { VFile } from 'vfile'
import type { TermMatcher } from '@/lib/mdx/term-matcher'

/** Node types whose text is never auto-linked. */
const skipped = new Set(['heading', 'link', 'linkReference', 'code', 'inlineCode', 'definition', 'html', 'yaml'])

/**
 * An auto-linked term in the syntax tree. A node of its own rather than an MDX JSX element: MDX deep-clones every
 * JSX element on its way to HTML, and with a dozen links per answer that clone was a measurable part of ingest.
 */
export interface GlossaryTermNode extends Parent {
  type: 'glossaryTerm'
  slug: string
  children: PhrasingContent[]
}

declare module 'mdast' {
  interface PhrasingContentMap {
    glossaryTerm: GlossaryTermNode
  }
  interface RootContentMap {
    glossaryTerm: GlossaryTermNode
  }
}

export interface LinkGlossaryOptions {
  matcher: TermMatcher
  knownSlugs: ReadonlySet<string>
  /**
   * Phrases never linked inside, e.g. the answer's own `basedOn` source: "SPX" in "SPX Mastery by Russell Clark"
   * is part of a book title, not a use of the term.
   */
  protectedPhrases?: readonly string[]
}

/**
 * The source as written, and its title alone when it reads "<title> by <author>" and the title has two words or
 * more: a one-word title ("Volatility") cannot be told apart from a use of the term, so it is not protected alone.
 */
export function sourcePhrases(basedOn: string | null | undefined): string[] {
  if (!basedOn) return []
  const title = /^(.+?)\s+by\s+\S.*$/i.exec(basedOn)?.[1]
  return title && title !== basedOn && /\S\s+\S/.test(title) ? [basedOn, title] : [basedOn]
}

/**
 * Links the first occurrence of each glossary term to its entry, and turns explicit <Term slug="…"> into the same
 * component. Returns the linked slugs in order of first appearance.
 */
export function linkGlossaryTerms(tree: Root, file: VFile, { matcher, knownSlugs, protectedPhrases = [] }: LinkGlossaryOptions): string[] {
  const linked: string[] = []
  const seen = new Set<string>()
  const remember = (slug: string) => {
    if (!seen.has(slug)) {
      seen.add(slug)
      linked.push(slug)
    }
  }

  const visit = (node: Nodes): void => {
    if (skipped.has(node.type)) return
    if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'Term') {
      const slugAttribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'slug')
      const slug = typeof slugAttribute?.value === 'string' ? slugAttribute.value : ''
      if (!knownSlugs.has(slug)) {
        file.message(`unknown glossary term slug "${slug}" in <Term>; add content/glossary/${slug || 'SLUG'}.mdx or fix the slug`, node)
      } else {
        remember(slug)
      }
      return
    }
    if (!('children' in node)) return
    const parent = node as Parents
    for (let index = 0; index < parent.children.length; index++) {
      const child = parent.children[index] as Nodes
      if (child.type !== 'text') {
        visit(child)
        continue
      }
      const replacement = linkText(child, matcher, seen, remember, protectedPhrases)
      if (replacement) {
        parent.children.splice(index, 1, ...(replacement as typeof parent.children))
        index += replacement.length - 1
      }
    }
  }
  visit(tree)
  return linked
}

function linkText(
  node: Text,
  matcher: TermMatcher,
  seen: ReadonlySet<string>,
  remember: (slug: string) => void,
  protectedPhrases: readonly string[],
): PhrasingContent[] | undefined {
  const shielded = protectedRanges(node.value, protectedPhrases)
  const candidates = matcher
    .findAll(node.value)
    .filter((match) => !seen.has(match.slug) && !shielded.some(([start, end]) => match.start < end && match.end > start))
  const matches = candidates.filter((match, index) => candidates.findIndex((other) => other.slug === match.slug) === index)
  if (matches.length === 0) return undefined
  const out: PhrasingContent[] = []
  let cursor = 0
  for (const match of matches) {
    if (match.start > cursor) out.push({ type: 'text', value: node.value.slice(cursor, match.start) })
    out.push({ type: 'glossaryTerm', slug: match.slug, children: [{ type: 'text', value: node.value.slice(match.start, match.end) }] })
    remember(match.slug)
    cursor = match.end
  }
  if (cursor < node.value.length) out.push({ type: 'text', value: node.value.slice(cursor) })
  return out
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Where the phrases stand in the text as whole words, case-insensitively. Matched on the text itself (not a
 * lower-cased copy, whose length can differ: "İ" lower-cases to two code units), so the offsets are the text's.
 */
function protectedRanges(text: string, phrases: readonly string[]): [number, number][] {
  const ranges: [number, number][] = []
  for (const phrase of phrases) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, 'giu')
    for (const match of text.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length])
  }
  return ranges
}
