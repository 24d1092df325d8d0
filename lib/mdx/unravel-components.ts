import type { Paragraph, Root, RootContent } from 'mdast'

/**
 * A paragraph that holds nothing but components (and whitespace) is unwrapped, as MDX itself does: a one-line
 * `<Callout type="tip">…</Callout>` is a block, not a sentence, and must not render inside a <p>.
 */
export function unravelComponentParagraphs(tree: Root): void {
  const stack: { children: RootContent[] }[] = [tree]
  while (stack.length > 0) {
    const parent = stack.pop() as { children: RootContent[] }
    for (let index = 0; index < parent.children.length; index++) {
      const child = parent.children[index] as RootContent
      if (child.type === 'paragraph' && onlyComponents(child)) {
        const unwrapped: RootContent[] = []
        for (const inner of child.children) {
          if (inner.type === 'mdxJsxTextElement') unwrapped.push({ ...inner, type: 'mdxJsxFlowElement' } as RootContent)
          else if (inner.type !== 'text') unwrapped.push(inner)
        }
        parent.children.splice(index, 1, ...unwrapped)
        index += unwrapped.length - 1
        for (const node of unwrapped) if ('children' in node) stack.push(node as { children: RootContent[] })
        continue
      }
      if ('children' in child) stack.push(child as { children: RootContent[] })
    }
  }
}

function onlyComponents(paragraph: Paragraph): boolean {
  let components = 0
  for (const child of paragraph.children) {
    if (child.type === 'mdxJsxTextElement') components++
    else if (child.type !== 'text' || child.value.trim() !== '') return false
  }
  return components > 0
}
