import { z } from 'zod'
import { queryTextSchema } from '@/lib/search/query'

// What a search asks for, from a query string or a caller: every field forgiving (a bad page or filter falls back
// to its default instead of failing the page), so any input gives results or an empty state, never an error.

const slugFilter = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/)
  .optional()
  .catch(undefined)

export const maxPage = 100
export const defaultPageSize = 10

export const searchRequestSchema = z.object({
  q: queryTextSchema.default(''),
  category: slugFilter,
  tag: slugFilter,
  page: z.coerce.number().int().min(1).max(maxPage).catch(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).catch(defaultPageSize).default(defaultPageSize),
})

export type SearchRequest = z.input<typeof searchRequestSchema>
export type ParsedSearchRequest = z.output<typeof searchRequestSchema>

/** The first value of a query-string parameter (Next gives string | string[] | undefined). */
export const firstValue = (value: unknown) => (Array.isArray(value) ? (value[0] as unknown) : value)

/** The request a URL's query string asks for (`q`, `category`, `tag`, `page`, `pageSize`); unknown keys are ignored. */
export function searchRequestFromParams(params: URLSearchParams | Record<string, unknown>): SearchRequest {
  const get = (key: string) => (params instanceof URLSearchParams ? (params.get(key) ?? undefined) : firstValue(params[key]))
  return { q: get('q') as string, category: get('category') as string, tag: get('tag') as string, page: get('page') as number, pageSize: get('pageSize') as number }
}
