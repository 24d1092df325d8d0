import Link from 'next/link'
import { searchHref } from '@/lib/search/search-href'
import { maxPage } from '@/lib/search/search-request'

/** Previous / "Page n of m" / Next; the links keep the query and filters. */
export function SearchPager({ query, filter, page, pageCount }: { query: string; filter: { category?: string; tag?: string }; page: number; pageCount: number }) {
  const last = Math.min(pageCount, maxPage)
  if (last <= 1) return null
  const href = (to: number) => searchHref({ q: query, ...filter, page: to })
  return (
    <nav aria-label="Result pages" className="mt-8 flex items-center justify-between gap-4 border-t border-slate-200 pt-4 text-sm dark:border-slate-800">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" prefetch={false} className="text-link">
          Previous page
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600 dark:text-slate-400">
        Page {page} of {last}
      </span>
      {page < last ? (
        <Link href={href(page + 1)} rel="next" prefetch={false} className="text-link">
          Next page
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
