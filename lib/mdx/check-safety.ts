import type { Nodes, Root } from 'mdast'
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx'
import type { VFile } from 'vfile'
import { allowedComponents } from '@/components/mdx/allowed'

const dangerousTags = new Set(['script', 'iframe', 'object', 'embed', 'style', 'form', 'input', 'link', 'meta', 'base'])
const unsafeUrl = /^(javascript|vbscript|data):/i

/**
 * Rejects everything an answer may not contain: import/export, {expressions}, raw HTML, components outside the
 * allow-list, event-handler attributes and script URLs. Every violation is recorded on the file with its position.
 */
export function checkSafety(tree: Root, file: VFile): void {
  walk(tree, file)
}

function walk(node: Nodes, file: VFile): void {
  switch (node.type) {
    case 'mdxjsEsm':
      file.message('import/export statements are not allowed; allowed components are available without importing', node)
      return
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      file.message('JavaScript expressions in braces are not allowed; to show a literal brace in text, write \\{ and \\}', node)
      return
    case 'html':
      // Plain .md answers parse HTML as raw nodes; say the same as MDX does for .mdx files.
      file.message(
        node.value.trimStart().startsWith('<!--')
          ? 'HTML comments (<!-- ... -->) are not supported in answers; delete the comment'
          : `raw HTML is not allowed (${describeHtml(node.value)}); use Markdown or an allowed component`,
        node,
      )
      return
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      checkElement(node, file)
      break
    case 'link':
    case 'image':
    case 'definition':
      if (unsafeUrl.test(node.url.replace(/[\s\u0000-\u001f]/g, ''))) {
        file.message(`unsafe URL "${node.url}": javascript:, vbscript: and data: links are not allowed`, node)
      }
      break
  }
  if ('children' in node) for (const child of node.children) walk(child, file)
}

function checkElement(node: MdxJsxFlowElement | MdxJsxTextElement, file: VFile): void {
  const name = node.name
  if (name === null) {
    file.message('fragments (<>…</>) are not allowed; write the content directly', node)
    return
  }
  const allowedNames = Object.keys(allowedComponents).join(', ')
  const rules = allowedComponents[name]
  if (!rules) {
    const reason = dangerousTags.has(name.toLowerCase())
      ? `<${name}> is not allowed in answers`
      : /^[a-z]/.test(name)
        ? `raw HTML <${name}> is not allowed; write it in Markdown or with an allowed component`
        : `unknown component <${name}>`
    file.message(`${reason}; allowed components: ${allowedNames} (for a literal "<" in text, write \\<)`, node)
  }
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      file.message(`spread attributes ({...}) are not allowed on <${name}>`, attribute.position ? attribute : node)
      continue
    }
    const where = attribute.position ? attribute : node
    if (/^on/i.test(attribute.name)) {
      file.message(`event handler attribute "${attribute.name}" is not allowed on <${name}>`, where)
      continue
    }
    if (attribute.value !== null && typeof attribute.value === 'object') {
      file.message(`attribute "${attribute.name}" on <${name}> must be a plain quoted string, not a {expression}`, where)
      continue
    }
    if (!rules) continue
    const rule = rules[attribute.name]
    if (!rule) {
      const known = Object.keys(rules)
      file.message(`unknown attribute "${attribute.name}" on <${name}>; allowed: ${known.join(', ') || 'none'}`, where)
    } else if (rule.values && !rule.values.includes(String(attribute.value ?? ''))) {
      file.message(`<${name} ${attribute.name}="${String(attribute.value ?? '')}"> must be one of: ${rule.values.join(', ')}`, where)
    }
  }
  if (rules) {
    for (const [attributeName, rule] of Object.entries(rules)) {
      const present = node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === attributeName)
      if (rule.required && !present) {
        const example = rule.values ? `"${rule.values[0]}"` : '"…"'
        file.message(`<${name}> needs a ${attributeName} attribute, e.g. <${name} ${attributeName}=${example}>`, node)
      }
    }
  }
}

function describeHtml(value: string): string {
  const tag = /^<\/?([a-zA-Z][\w-]*)/.exec(value.trim())
  // One line per problem: a multi-line HTML block must not break the file:line:col format.
  return tag?.[1] ? `<${tag[1].toLowerCase()}>` : value.trim().replace(/\s+/g, ' ').slice(0, 20)
}
