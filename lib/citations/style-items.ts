import type { CslItem, CslName } from '@/lib/citations/csl-item'

export type CslStyle = 'apa' | 'mla' | 'chicago' | 'harvard'

const nameOf = (name: CslName) => ('literal' in name ? name.literal : null)

/** The author's name when the work has one author that is an organisation, else null. */
function soleGroupAuthor(item: CslItem): string | null {
  const [first, ...rest] = item.author ?? []
  return first && rest.length === 0 ? nameOf(first) : null
}

type Droppable = 'author' | 'container-title' | 'publisher'

function without(item: CslItem, keys: readonly Droppable[]): CslItem {
  const copy = { ...item }
  for (const key of keys) delete copy[key]
  return copy
}

/**
 * The same item as each style's rules want it. A style cannot compare two variables, so the rules about an
 * organisation named twice are applied here, on the data, and the style formats what is left:
 * - APA 7 (web page on a website), Chicago 17 (website content) and Cite Them Right (web page) give the site's
 *   name and no publisher, and leave the site's name out when the site is the author.
 * - MLA 9 gives the website and its publisher; a work by an organisation that is also its publisher or website
 *   begins with the title (the organisation is named once, as publisher), and a publisher named like the
 *   website is left out.
 * Two changes to the title, both for citeproc's sake: its closing full stop is dropped (the styles add their own
 * punctuation after a title, and citeproc merges it with a `?` or `!` but not with a `.`: a Chicago note read
 * `Position.,`), and straight quotes become curly ones (citeproc reads 'x' as markup and then leaves the word
 * after it in lower case when MLA and Chicago capitalise: "Why Is 'fully Hedged'").
 */
export function itemForStyle(style: CslStyle, item: CslItem): CslItem {
  const author = soleGroupAuthor(item)
  const site = item['container-title']
  const drop: Droppable[] = []
  if (style === 'mla') {
    if (author !== null && (author === item.publisher || author === site)) drop.push('author')
    if (item.publisher === site) drop.push('publisher')
  } else {
    drop.push('publisher')
    if (author !== null && author === site) drop.push('container-title')
  }
  return { ...without(item, drop), title: curlQuotes(item.title.replace(/(?<!\.)\.$/, '')) }
}

/** A quote mark opens at the start or after a space, dash or opening bracket, and closes (or is an apostrophe) elsewhere. */
function curlQuotes(title: string): string {
  const curl = (mark: string, opens: boolean) => (mark === '"' ? (opens ? '\u201c' : '\u201d') : opens ? '\u2018' : '\u2019')
  return title.replace(/(^|[\s([{\u2013\u2014])(['"])|(['"])/g, (_match, before: string | undefined, opening: string | undefined, closing: string | undefined) =>
    opening ? `${before ?? ''}${curl(opening, true)}` : curl(closing ?? '', false),
  )
}
