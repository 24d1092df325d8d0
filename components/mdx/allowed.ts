// The one allow-list of components an MDX answer may use: their attributes and where they may appear. The checker
// (lib/mdx/check-safety.ts), the compiler (lib/mdx/stored-body.ts) and the renderer (components/mdx/renderers.tsx,
// typed against `AllowedComponentName`) all read it. Plain data, no React, so the ingest can import it outside Next.

export interface AttributeRule {
  required: boolean
  values?: readonly string[]
}

export interface ComponentRule {
  /** block: on its own lines (renders a block element); inline: inside a sentence (renders phrasing content). */
  placement: 'block' | 'inline'
  attributes: Readonly<Record<string, AttributeRule>>
}

export const calloutTypes = ['info', 'tip', 'warning'] as const

export const mdxComponentRules = {
  Callout: { placement: 'block', attributes: { type: { required: true, values: calloutTypes }, title: { required: false } } },
  Insights: { placement: 'block', attributes: { title: { required: false } } },
  Term: { placement: 'inline', attributes: { slug: { required: true } } },
} as const satisfies Record<string, ComponentRule>

export type AllowedComponentName = keyof typeof mdxComponentRules

export const allowedComponentNames = Object.keys(mdxComponentRules) as AllowedComponentName[]

/** Own properties only: `constructor`, `toString` or `__proto__` written by an editor are not components. */
export function isAllowedComponent(name: string): name is AllowedComponentName {
  return Object.hasOwn(mdxComponentRules, name)
}

export function componentRule(name: string): ComponentRule | undefined {
  return isAllowedComponent(name) ? mdxComponentRules[name] : undefined
}

export function attributeRule(rule: ComponentRule, attribute: string): AttributeRule | undefined {
  return Object.hasOwn(rule.attributes, attribute) ? rule.attributes[attribute] : undefined
}

/** Elements that, nested in each other, would put a link or button inside another one. */
export const interactiveNames = new Set(['link', 'linkReference', 'Term'])

/**
 * Every element name a stored body may contain: what Markdown and GFM produce, plus the allowed components.
 * The renderer refuses anything else, so a stored tree can never bring its own element or script.
 */
export const renderableTagNames: ReadonlySet<string> = new Set([
  ...allowedComponentNames,
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'pre', 'code', 'hr', 'br'],
  ...['em', 'strong', 'del', 'a', 'img', 'sup', 'section', 'input', 'span'],
  ...['table', 'thead', 'tbody', 'tr', 'th', 'td'],
])
