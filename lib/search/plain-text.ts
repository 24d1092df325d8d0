// The text of an answer as the index sees it: the words of its stored body (hast JSON, lib/mdx/stored-body.ts),
// not its markup. Control characters are removed so the snippet markers (snippet-segments.ts) are unambiguous.

interface TreeNode {
  type?: unknown
  value?: unknown
  children?: unknown
}

const controlCharacters = /[\p{Cc}]+/gu

export function cleanIndexText(text: string): string {
  return text.replace(controlCharacters, ' ').replace(/\s+/g, ' ').trim()
}

/** The text nodes of a stored body, in document order, joined by spaces. */
export function plainTextOfStoredBody(json: string): string {
  const parts: string[] = []
  const stack: unknown[] = [JSON.parse(json) as unknown]
  while (stack.length > 0) {
    const node = stack.pop() as TreeNode | undefined
    if (!node || typeof node !== 'object') continue
    if (node.type === 'text' && typeof node.value === 'string') parts.push(node.value)
    if (Array.isArray(node.children)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
  }
  return cleanIndexText(parts.join(' '))
}
