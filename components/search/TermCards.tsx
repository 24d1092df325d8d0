import Link from 'next/link'
import { paths } from '@/lib/metadata/absolute-url'
import type { SearchResults } from '@/lib/search/search-types'

/** Glossary entries the query names, above the answers: the definition without a click. */
export function TermCards({ terms }: { terms: SearchResults['terms'] }) {
  if (terms.length === 0) return null
  return (
    <section aria-label="Glossary" className="mt-6 grid gap-3 sm:grid-cols-2">
      {terms.map((term) => (
        <article key={term.slug} className="rounded-lg border border-sky-200 bg-sky-50 p-4 dark:border-sky-900 dark:bg-sky-950/40">
          <p className="answer-card-kicker">Glossary</p>
          <h2 className="mt-1 font-semibold text-slate-900 dark:text-white">
            <Link href={paths.term(term.slug)} className="hover:underline">
              {term.term}
            </Link>
          </h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{term.short}</p>
        </article>
      ))}
    </section>
  )
}
