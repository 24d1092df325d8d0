import { toJsxRuntime } from 'hast-util-to-jsx-runtime'
import type { ReactNode } from 'react'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'
import { mdxRenderers } from '@/components/mdx/renderers'
import type { TermDefinition } from '@/lib/data/answers'
import { parseStoredBody } from '@/lib/mdx/stored-body'

/** Renders a stored body (a checked syntax tree, never code) with the allow-listed components. */
export function renderStoredBody(code: string, terms: readonly TermDefinition[]): ReactNode {
  return toJsxRuntime(parseStoredBody(code), { Fragment, jsx, jsxs, components: mdxRenderers(terms), passKeys: true })
}

export function MdxContent({ code, terms }: { code: string; terms: readonly TermDefinition[] }) {
  return renderStoredBody(code, terms)
}
