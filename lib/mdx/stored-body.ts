import type { Element, Root as HastRoot } from 'hast'
import type { Root } from 'mdast'
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx'
import { toHast, type State } from 'mdast-util-to-hast'
import { isAllowedComponent, renderableTagNames } from '@/components/mdx/allowed'
import type { GlossaryTermNode } from '@/lib/mdx/link-glossary'

/**
 * An answer body is stored as its HTML syntax tree (hast) in JSON, not as generated JavaScript: rendering it needs
 * no code evaluation, and skipping MDX's JavaScript generation roughly halves the compile time. Only checked trees
 * get here (lib/mdx/check-safety.ts), so components carry their allowed string attributes and nothing else.
 */
export function toStoredBody(tree: Root): string {
  const hast = toHast(tree, {
    handlers: { glossaryTerm: glossaryTermToHast, mdxJsxFlowElement: componentToHast, mdxJsxTextElement: componentToHast },
    unknownHandler: (_state, node) => {
      throw new Error(`no HTML for a "${node.type}" node`)
    },
  })
  assertRenderable(hast as HastRoot)
  return JSON.stringify(hast, (key, value: unknown) => (key === 'position' ? undefined : value))
}

const forbiddenProperty = /^(on|dangerously)/i

/** The renderer's gate (see parseStoredBody), run on the tree at ingest: what the check accepts, the page renders. */
function assertRenderable(root: HastRoot): void {
  const stack: HastRoot['children'] = [...root.children]
  while (stack.length > 0) {
    const node = stack.pop()
    if (node?.type !== 'element') continue
    if (!renderableTagNames.has(node.tagName)) throw new StoredBodyError(`a <${node.tagName}> element cannot be rendered`)
    for (const key of Object.keys(node.properties)) if (forbiddenProperty.test(key)) throw new StoredBodyError(`a "${key}" property cannot be rendered`)
    stack.push(...node.children)
  }
}

function glossaryTermToHast(state: State, node: GlossaryTermNode): Element {
  return { type: 'element', tagName: 'Term', properties: { slug: node.slug }, children: state.all(node) as Element['children'] }
}

function componentToHast(state: State, node: MdxJsxFlowElement | MdxJsxTextElement): Element {
  const name = node.name ?? ''
  if (!isAllowedComponent(name)) throw new Error(`<${name}> reached the HTML step without passing the safety check`)
  const properties: Record<string, string> = {}
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string') properties[attribute.name] = attribute.value
  }
  return { type: 'element', tagName: name, properties, children: state.all(node) as Element['children'] }
}

export class StoredBodyError extends Error {}

/** Parses a stored body; an element outside the allow-list (a tampered or stale row) is refused, not rendered. */
export function parseStoredBody(json: string): HastRoot {
  const root = JSON.parse(json, (key, value: unknown) => {
    if (key === 'tagName' && (typeof value !== 'string' || !renderableTagNames.has(value))) {
      throw new StoredBodyError(`stored body contains a <${String(value)}> element, which is not allowed`)
    }
    if (forbiddenProperty.test(key)) throw new StoredBodyError(`stored body contains a "${key}" property, which is not allowed`)
    return value
  }) as HastRoot
  if (root?.type !== 'root' || !Array.isArray(root.children)) throw new StoredBodyError('stored body is not a syntax tree: run content:ingest again')
  return root
}
