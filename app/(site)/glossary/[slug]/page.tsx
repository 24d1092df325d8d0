import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AnswerList } from '@/components/answers/AnswerList'
import { Breadcrumb } from '@/components/article/Breadcrumb'
import { MdxContent } from '@/components/article/MdxContent'
import { JsonLd } from '@/components/metadata/JsonLd'
import { getGlossaryTerm, listGlossaryTerms } from '@/lib/data/glossary'
import { paths } from '@/lib/metadata/absolute-url'
import { pageMetadata } from '@/lib/metadata/page-metadata'
import { definedTermJsonLd } from '@/lib/metadata/structured-data'
import { parseSlugParam } from '@/lib/schemas/route-params'

export const revalidate = 300

export async function generateStaticParams() {
  return (await listGlossaryTerms()).map((term) => ({ slug: term.slug }))
}

type Props = { params: Promise<{ slug: string }> }

async function load(params: Props['params']) {
  const slug = parseSlugParam((await params).slug)
  return slug ? getGlossaryTerm(slug) : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const term = await load(params)
  return term
    ? pageMetadata({ title: `${term.term} - Glossary`, description: term.short, path: paths.term(term.slug) })
    : { title: 'Term not found' }
}

export default async function GlossaryTermPage({ params }: Props) {
  const term = await load(params)
  if (!term) notFound()
  return (
    <article className="mx-auto max-w-3xl">
      <JsonLd data={definedTermJsonLd(term)} />
      <Breadcrumb items={[{ href: '/glossary', label: 'Glossary' }]} current={{ href: paths.term(term.slug), label: term.term }} />
      {term.category ? <p className="text-sm font-medium tracking-wide text-sky-700 uppercase dark:text-sky-300">{term.category}</p> : null}
      <h1 className="mt-1 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl dark:text-white">{term.term}</h1>
      {term.aliases.length > 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          Also known as: <span className="text-slate-800 dark:text-slate-200">{term.aliases.join(', ')}</span>
        </p>
      ) : null}
      <p className="mt-6 rounded-lg border-l-4 border-sky-600 bg-sky-50 px-4 py-3 text-lg text-slate-800 dark:border-sky-400 dark:bg-sky-950/40 dark:text-slate-100">
        {term.short}
      </p>
      <div className="prose prose-slate mt-6 max-w-none dark:prose-invert">
        <MdxContent code={term.code} terms={[]} />
      </div>
      {term.related.length > 0 ? (
        <section aria-labelledby="related-terms" className="mt-10">
          <h2 id="related-terms" className="section-title">
            Related terms
          </h2>
          <ul className="mt-3 flex flex-wrap gap-2">
            {term.related.map((related) => (
              <li key={related.slug}>
                <Link
                  href={`/glossary/${related.slug}`}
                  title={related.short}
                  className="inline-block rounded-full border border-slate-200 px-3 py-1 text-sm text-slate-700 hover:border-sky-400 hover:text-sky-800 dark:border-slate-700 dark:text-slate-300 dark:hover:text-sky-300"
                >
                  {related.term}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="backlinks" className="mt-10">
        <h2 id="backlinks" className="section-title">
          Answers that use this term
        </h2>
        {term.answerCount > term.answers.length ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            The newest {term.answers.length} of {term.answerCount.toLocaleString('en-US')} answers.
          </p>
        ) : null}
        {term.answers.length > 0 ? (
          <AnswerList answers={term.answers} />
        ) : (
          <p className="mt-3 text-slate-600 dark:text-slate-400">No answer links this term yet.</p>
        )}
      </section>
    </article>
  )
}
