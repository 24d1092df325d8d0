import type { Nodes, Root } from 'mdast'
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx'
import type { VFile } from 'vfile'
import { allowedComponentNames, attributeRule, componentRule, interactiveNames } from '@/components/mdx/allowed'
import { visit } from 'unist-util-visit'

const dangerousTags = new Set(['script', 'iframe', 'object', 'embed', 'style', 'form', 'input', 'link', 'meta', 'base'])
const unsafeUrl = /^(javascript|vbscript|data):/i
const blockTypes = new Set(['paragraph', 'heading', 'list', 'blockquote', 'code', 'table', 'thematicBreak', 'mdxJsxFlowElement', 'html', 'definition', 'footnoteDefinition'])

/** Where a node sits: the closest heading and the interactive element (link or <Term>) it is inside, if any. */
interface Context {
  heading: boolean
  interactive: string | undefined
  /** Definitions that `![alt][id]` images use: their URLs are image sources. */
  imageDefinitions: ReadonlySet<string>
}

// Pages allow images from this site only (img-src 'self' in lib/http/content-security-policy.ts): a path, not a URL.
const isSitePath = (url: string) => url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')

/**
 * Rejects everything an answer may not contain: import/export, {expressions}, raw HTML, components outside the
 * allow-list or in a place they cannot render (a block inside a sentence, a <Term> in a heading, a link inside a
 * link), event-handler attributes and script URLs. Every violation is recorded on the file with its position.
 */
export function checkSafety(tree: Root, file: VFile): void {
  const imageDefinitions = new Set<string>()
  visit(tree, 'imageReference', (node) => {
    imageDefinitions.add(node.identifier)
  })
  walk(tree, file, { heading: false, interactive: undefined, imageDefinitions })
}

function walk(node: Nodes, file: VFile, context: Context): void {
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
      if (!checkElement(node, file, context)) return
      break
    case 'link':
    case 'image':
    case 'definition':
      if (unsafeUrl.test(node.url.replace(/[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, ''))) {
        file.message(`unsafe URL "${oneLine(node.url)}": javascript:, vbscript: and data: links are not allowed`, node)
      } else if ((node.type === 'image' || (node.type === 'definition' && context.imageDefinitions.has(node.identifier))) && !isSitePath(node.url)) {
        file.message(`image "${oneLine(node.url)}" is not served by this site: pages show images from this site only; put the file under public/ and use its path (e.g. /images/chart.png)`, node)
      }
      break
  }
  if (node.type === 'link' || node.type === 'linkReference') {
    if (context.interactive) {
      file.message(`a link cannot be inside ${describeInteractive(context.interactive)}; take one of them out`, node)
      return
    }
  }
  if (!('children' in node)) return
  const inner: Context = {
    ...context,
    heading: context.heading || node.type === 'heading',
    interactive: interactiveNames.has(node.type) ? node.type : context.interactive,
  }
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && interactiveNames.has(node.name)) inner.interactive = node.name
  for (const child of node.children) walk(child, file, inner)
}

/** Returns false when the element is rejected outright (its children are then not checked again). */
function checkElement(node: MdxJsxFlowElement | MdxJsxTextElement, file: VFile, context: Context): boolean {
  const name = node.name
  if (name === null) {
    file.message('fragments (<>…</>) are not allowed; write the content directly', node)
    return false
  }
  const rule = componentRule(name)
  if (!rule) {
    const reason = dangerousTags.has(name.toLowerCase())
      ? `<${name}> is not allowed in answers`
      : /^[a-z]/.test(name)
        ? `raw HTML <${name}> is not allowed; write it in Markdown or with an allowed component`
        : `unknown component <${name}>`
    file.message(`${reason}; allowed components: ${allowedComponentNames.join(', ')} (for a literal "<" in text, write \\<)`, node)
  } else if (rule.placement === 'block' && node.type === 'mdxJsxTextElement') {
    file.message(`<${name}> is a block: put <${name}> and </${name}> on lines of their own, with blank lines around it, not inside a sentence, heading, link or table cell`, node)
  } else if (rule.placement === 'inline' && node.children.some((child) => blockTypes.has(child.type))) {
    file.message(`<${name}> goes inside a sentence and can only hold text, e.g. <${name} slug="vix">VIX</${name}>`, node)
  } else if (name === 'Term' && context.heading) {
    file.message('<Term> is not allowed in a heading (glossary links are never shown in headings); write the plain words', node)
  } else if (context.interactive) {
    file.message(`<${name}> cannot be inside ${describeInteractive(context.interactive)}; take one of them out`, node)
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
    if (!rule) continue
    const attrRule = attributeRule(rule, attribute.name)
    if (!attrRule) {
      const known = Object.keys(rule.attributes)
      file.message(`unknown attribute "${attribute.name}" on <${name}>; allowed: ${known.join(', ') || 'none'}`, where)
    } else if (attribute.value === null || attribute.value === undefined) {
      file.message(`attribute "${attribute.name}" on <${name}> needs a value, e.g. ${attribute.name}="${attrRule.values?.[0] ?? '…'}"`, where)
    } else if (attrRule.values && !attrRule.values.includes(attribute.value)) {
      file.message(`<${name} ${attribute.name}="${oneLine(attribute.value)}"> must be one of: ${attrRule.values.join(', ')}`, where)
    }
  }
  if (rule) {
    for (const [attributeName, attrRule] of Object.entries(rule.attributes)) {
      const present = node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === attributeName)
      if (attrRule.required && !present) {
        const example = attrRule.values ? `"${attrRule.values[0]}"` : '"…"'
        file.message(`<${name}> needs a ${attributeName} attribute, e.g. <${name} ${attributeName}=${example}>`, node)
      }
    }
  }
  return rule !== undefined
}

function describeInteractive(name: string): string {
  return name === 'Term' ? 'a <Term>' : 'a link'
}

function describeHtml(value: string): string {
  const tag = /^<\/?([a-zA-Z][\w-]*)/.exec(value.trim())
  // One line per problem: a multi-line HTML block must not break the file:line:col format.
  return tag?.[1] ? `<${tag[1].toLowerCase()}>` : value.trim().replace(/\s+/g, ' ').slice(0, 20)
}

/** Editor text quoted in a message stays on one line and short. */
function oneLine(text: string): string {
  const flat = text.replace(/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat
}
