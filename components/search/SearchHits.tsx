import Link from 'next/link'
import { Dot } from '@/components/ui/Icons'
import { formatDate } from '@/lib/format'
import { paths } from '@/lib/metadata/absolute-url'
import type { SearchHit } from '@/lib/search/search-types'
import { SnippetText } from './SnippetText'

/** One page of results: title, category, date and the passage around the best match. */
export function SearchHits({ hits }: { hits: readonly SearchHit[] }) {
  return (
    <ol className="divide-y divide-slate-200 dark:divide-slate-800">
      {hits.map((hit) => (
        <li key={hit.slug} className="py-5 first:pt-0">
          <h2 className="text-lg leading-snug font-semibold text-slate-900 dark:text-white">
            <Link href={paths.answer(hit.slug)} className="hover:text-sky-700 hover:underline dark:hover:text-sky-300">
              {hit.title}
            </Link>
          </h2>
          <p className="mt-1 flex flex-wrap items-center gap-x-2 text-sm text-slate-500 dark:text-slate-400">
            <Link href={paths.category(hit.category.slug)} className="text-link">
              {hit.category.name}
            </Link>
            <Dot />
            <time dateTime={hit.publishedAt.slice(0, 10)}>{formatDate(hit.publishedAt)}</time>
          </p>
          {hit.snippet.length > 0 ? (
            <p className="search-snippet mt-2">
              <SnippetText segments={hit.snippet} />
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  )
}
