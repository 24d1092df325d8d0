import type { ComponentProps, ReactNode } from 'react'
import type { AllowedComponentName } from '@/components/mdx/allowed'
import { Callout } from '@/components/mdx/Callout'
import { Insights } from '@/components/mdx/Insights'
import { TermPopover } from '@/components/glossary/TermPopover'
import type { TermDefinition } from '@/lib/data/answers'

type Renderer = (props: Record<string, unknown> & { children?: ReactNode }) => ReactNode

/**
 * What each allow-listed component renders as. Typed against the allow-list, so a component the checker accepts
 * cannot lack a renderer (and a renderer cannot exist for a component the checker rejects).
 */
export function mdxRenderers(terms: readonly TermDefinition[]): Record<AllowedComponentName, Renderer> & { table: Renderer } {
  const bySlug = new Map(terms.map((term) => [term.slug, term]))
  return {
    Callout: ({ type, title, children }) => (
      <Callout type={typeof type === 'string' ? type : undefined} title={typeof title === 'string' ? title : undefined}>
        {children}
      </Callout>
    ),
    Insights: ({ title, children }) => <Insights title={typeof title === 'string' ? title : undefined}>{children}</Insights>,
    Term: ({ slug, children }) => {
      const term = typeof slug === 'string' ? bySlug.get(slug) : undefined
      // Only the slug travels to the client: the definition is on the page once, in TermsReferenced.
      return term ? (
        <TermPopover slug={term.slug}>{children}</TermPopover>
      ) : (
        <>{children}</>
      )
    },
    // Wide GFM tables scroll sideways on phones instead of widening the page.
    table: (props) => (
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Table">
        <table {...(props as ComponentProps<'table'>)} className="min-w-[36rem]" />
      </div>
    ),
  }
}
