import { paths } from '@/lib/metadata/site-paths'

// The address of a search: the query string the GET form sends, so every link (facets, pages, did-you-mean) is a
// URL a visitor could have typed, and the page without JavaScript works the same.

export interface SearchLocation {
  q: string
  category?: string
  tag?: string
  page?: number
}

export function searchHref({ q, category, tag, page }: SearchLocation): string {
  const params = new URLSearchParams()
  if (q) params.set('q', q)
  if (category) params.set('category', category)
  if (tag) params.set('tag', tag)
  if (page && page > 1) params.set('page', String(page))
  const query = params.toString()
  return query ? `${paths.search}?${query}` : paths.search
}
