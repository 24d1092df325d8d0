import Link from 'next/link'
import type { FacetCount, SearchResults } from '@/lib/search/search-types'
import { searchHref } from '@/lib/search/search-href'

type Filter = { category?: string; tag?: string }

/**
 * Category and tag filters with their counts. A chosen filter links back to the unfiltered search; counts are those
 * of the other filter applied, so each list says what choosing one of its entries would leave. Phones get them
 * folded in a <details> above the results (below, nobody would find them); wide screens in a column beside them.
 */
export function SearchFacets({ query, filter, facets }: { query: string; filter: Filter; facets: SearchResults['facets'] }) {
  const active = [filter.category, filter.tag].filter(Boolean).length
  const lists = (
    <>
      <FacetList title="Category" items={facets.categories} chosen={filter.category} href={(slug) => searchHref({ q: query, tag: filter.tag, category: slug })} />
      <FacetList title="Topic" items={facets.tags} chosen={filter.tag} href={(slug) => searchHref({ q: query, category: filter.category, tag: slug })} />
    </>
  )
  return (
    <aside aria-label="Filters" className="mb-6 lg:col-start-2 lg:row-start-1 lg:mb-0">
      <details className="rounded-lg border border-slate-200 px-4 py-3 lg:hidden dark:border-slate-800" open={active > 0}>
        <summary className="cursor-pointer text-sm font-semibold text-slate-900 dark:text-white">
          Filter by category or topic{active ? ` (${active} on)` : ''}
        </summary>
        {lists}
      </details>
      <div className="hidden lg:block">{lists}</div>
    </aside>
  )
}

function FacetList({ title, items, chosen, href }: { title: string; items: readonly FacetCount[]; chosen?: string; href: (slug?: string) => string }) {
  if (items.length === 0) return null
  return (
    <section className="mt-4 lg:mt-0 lg:mb-6">
      <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">{title}</h2>
      <ul className="mt-2 space-y-1 text-sm">
        {chosen ? (
          <li>
            <Link href={href(undefined)} prefetch={false} className="text-link">
              Any {title.toLowerCase()}
            </Link>
          </li>
        ) : null}
        {items.map((item) => (
          <li key={item.slug}>
            <Link
              href={item.slug === chosen ? href(undefined) : href(item.slug)}
              prefetch={false}
              aria-current={item.slug === chosen ? 'true' : undefined}
              className="search-facet"
            >
              <span className="truncate">{item.name}</span>
              <span className="text-xs text-slate-500 tabular-nums dark:text-slate-400">{item.count}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
