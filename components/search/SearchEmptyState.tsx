import Link from 'next/link'
import { AnswerList } from '@/components/answers/AnswerList'
import type { AnswerListItem } from '@/lib/data/answers'
import { paths } from '@/lib/metadata/absolute-url'
import { searchHref } from '@/lib/search/search-href'

/**
 * No query yet, or nothing found: a corrected query when one finds something, a way out of a filter, tips, and the
 * most read answers, so the page never ends in a blank.
 */
export function SearchEmptyState({ query, filter, suggestion, popular }: { query: string; filter: { category?: string; tag?: string }; suggestion: string | null; popular: AnswerListItem[] }) {
  const filtered = Boolean(filter.category || filter.tag)
  return (
    <div className="mt-6">
      {query === '' ? (
        <p className="text-slate-600 dark:text-slate-400">
          Search every answer and glossary term: single words, several words, or an exact &quot;phrase in quotes&quot;. Press <kbd className="search-kbd">/</kbd> on any page to search from
          the header.
        </p>
      ) : (
        <div className="rounded-lg border border-slate-200 p-5 dark:border-slate-800">
          <h2 className="section-title">No answers match {filtered ? 'with this filter' : 'these words'}</h2>
          <ul className="mt-3 list-disc space-y-1.5 pl-5 text-slate-700 dark:text-slate-300">
            {suggestion ? (
              <li>
                Did you mean{' '}
                <Link href={searchHref({ q: suggestion, ...filter })} className="text-link">
                  {suggestion}
                </Link>
                ?
              </li>
            ) : null}
            {filtered ? (
              <li>
                <Link href={searchHref({ q: query })} className="text-link">
                  Search all categories and topics
                </Link>{' '}
                instead.
              </li>
            ) : null}
            <li>Try fewer or more general words, or check the spelling.</li>
            <li>
              Look the term up in the{' '}
              <Link href={paths.glossary} className="text-link">
                glossary
              </Link>{' '}
              or browse the{' '}
              <Link href={paths.tags} className="text-link">
                topics
              </Link>
              .
            </li>
          </ul>
        </div>
      )}
      {popular.length > 0 ? (
        <section className="mt-10">
          <h2 className="section-title">Most read answers</h2>
          <AnswerList answers={popular} />
        </section>
      ) : null}
    </div>
  )
}
