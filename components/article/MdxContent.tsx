import { run } from '@mdx-js/mdx'
import type { MDXComponents } from 'mdx/types'
import type { ComponentProps, ReactNode } from 'react'
import * as runtime from 'react/jsx-runtime'
import { TermPopover } from '@/components/glossary/TermPopover'
import { Callout } from '@/components/mdx/Callout'
import { Insights } from '@/components/mdx/Insights'
import type { TermDefinition } from '@/lib/data/answers'


/** Runs MDX that ingest compiled and checked; only allow-listed components are available to it. */
export async function MdxContent({ code, terms }: { code: string; terms: readonly TermDefinition[] }) {
  const { default: Content } = await run(code, { ...runtime, baseUrl: import.meta.url })
  const bySlug = new Map(terms.map((term) => [term.slug, term]))
  const components = {
    Callout,
    Insights,
    // Wide GFM tables scroll sideways on phones instead of widening the page.
    table: (props: ComponentProps<'table'>) => (
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Table">
        <table {...props} className="min-w-[36rem]" />
      </div>
    ),
    GlossaryTerm: ({ slug, children }: { slug: string; children?: ReactNode }) => {
      const term = bySlug.get(slug)
      return term ? <TermPopover slug={slug} term={term.term} short={term.short}>{children}</TermPopover> : <>{children}</>
    },
  } as MDXComponents
  return <Content components={components} />
}
