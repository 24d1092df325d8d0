// The text of an answer as the index sees it: the words of its stored body (hast JSON, lib/mdx/stored-body.ts),
// not its markup. Control characters are removed so the snippet markers (snippet-segments.ts) are unambiguous.

interface TreeNode {
  type?: unknown
  tagName?: unknown
  value?: unknown
  children?: unknown
}

// Where a block ends without its own punctuation, a separator keeps a snippet readable: table cells ran together
// ("Warning signs flat contango larger…") before. Separators are punctuation, so no token and no phrase changes.
const cellTags = new Set(['td', 'th'])
const blockTags = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'dd', 'blockquote', 'figcaption', 'caption', 'tr'])
const endsInPunctuation = /[.!?:;,]\s*$/
const blockEnd = Symbol('block end')
const cellEnd = Symbol('cell end')

const controlCharacters = /[\p{Cc}]+/gu

export function cleanIndexText(text: string): string {
  return text.replace(controlCharacters, ' ').replace(/\s+/g, ' ').trim()
}

/** The text nodes of a stored body, in document order, joined by spaces; blocks and table cells separated. */
export function plainTextOfStoredBody(json: string): string {
  const parts: string[] = []
  const stack: unknown[] = [JSON.parse(json) as unknown]
  while (stack.length > 0) {
    const node = stack.pop() as TreeNode | typeof blockEnd | typeof cellEnd | undefined
    if (node === blockEnd || node === cellEnd) {
      const last = parts.at(-1)
      if (last !== undefined && last.trim() !== '' && !endsInPunctuation.test(last)) parts.push(node === cellEnd ? ';' : '.')
      continue
    }
    if (!node || typeof node !== 'object') continue
    if (node.type === 'text' && typeof node.value === 'string') parts.push(node.value)
    if (typeof node.tagName === 'string') {
      if (cellTags.has(node.tagName)) stack.push(cellEnd)
      else if (blockTags.has(node.tagName)) stack.push(blockEnd)
    }
    if (Array.isArray(node.children)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
  }
  return cleanIndexText(parts.join(' ').replace(/ ([.;])/g, '$1'))
}
