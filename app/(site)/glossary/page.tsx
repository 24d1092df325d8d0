import type { Metadata } from 'next'
import { GlossaryIndex } from '@/components/glossary/GlossaryIndex'
import { JsonLd } from '@/components/metadata/JsonLd'
import { listGlossaryTerms } from '@/lib/data/glossary'
import { formatCount } from '@/lib/format-count'
import { paths } from '@/lib/metadata/absolute-url'
import { pageMetadata } from '@/lib/metadata/page-metadata'
import { definedTermSetJsonLd } from '@/lib/metadata/structured-data'

export const revalidate = 300
export const metadata: Metadata = pageMetadata({
  title: 'Glossary',
  description: 'Plain-English definitions of the options, volatility and market terms used in our answers.',
  path: paths.glossary,
})

export default async function GlossaryPage() {
  const terms = await listGlossaryTerms()
  return (
    <div className="mx-auto max-w-3xl">
      <JsonLd data={definedTermSetJsonLd(terms)} />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl dark:text-white">Glossary</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        {formatCount(terms.length, 'term')} from options, volatility and market analysis, each linked wherever it appears in an answer.
      </p>
      <GlossaryIndex entries={terms.map(({ slug, term, short, aliases }) => ({ slug, term, short, aliases }))} />
    </div>
  )
}
