import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { SearchEmptyState } from '@/components/search/SearchEmptyState'
import { SearchFacets } from '@/components/search/SearchFacets'
import { SearchForm } from '@/components/search/SearchForm'
import { SearchHits } from '@/components/search/SearchHits'
import { SearchPager } from '@/components/search/SearchPager'
import { TermCards } from '@/components/search/TermCards'
import { listPopularAnswers } from '@/lib/data/popular-answers'
import { db } from '@/lib/db'
import { formatCount } from '@/lib/format-count'
import { paths } from '@/lib/metadata/absolute-url'
import { choosePageStatus } from '@/lib/http/page-status'
import { pageMetadata } from '@/lib/metadata/page-metadata'
import { searchAnswers } from '@/lib/search/search'
import { consumeSearchAllowance } from '@/lib/search/search-rate-limit'
import { searchRequestFromParams, searchRequestSchema } from '@/lib/search/search-request'
import { suggestQuery } from '@/lib/search/suggest'

// Rendered per request (the query is in the URL), with a nonce policy set by proxy.ts; never indexed.
export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const popularCount = 5

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = searchRequestSchema.parse(searchRequestFromParams(await searchParams))
  const base = pageMetadata({ title: q.trim() ? `Search: ${q.trim()}` : 'Search', description: 'Search every answer and glossary term.', path: paths.search })
  return { ...base, robots: { index: false, follow: true } }
}

export default async function SearchPage({ searchParams }: Props) {
  const request = searchRequestSchema.parse(searchRequestFromParams(await searchParams))
  const requestHeaders = await headers()
  const allowance = request.q.trim() ? await consumeSearchAllowance(requestHeaders) : { allowed: true as const, remaining: 0 }
  if (allowance && !allowance.allowed) {
    choosePageStatus(requestHeaders, 429, { 'retry-after': String(allowance.retryAfterSeconds) })
    return (
      <SearchLayout q={request.q} category={request.category} tag={request.tag}>
        <p role="status" className="notice">
          You have searched very often in the last minute. Please wait {formatCount(allowance.retryAfterSeconds, 'second')} and search again.
        </p>
      </SearchLayout>
    )
  }
  const client = await db()
  const results = await searchAnswers(client, request)
  const missed = results.query !== '' && results.total === 0
  const [suggestion, popular] = await Promise.all([missed ? usefulSuggestion(results.query) : null, results.query === '' || missed ? listPopularAnswers(client, popularCount) : []])
  const filter = { category: request.category, tag: request.tag }
  return (
    <SearchLayout q={request.q} category={request.category} tag={request.tag}>
      {results.query === '' ? null : (
        <p role="status" className="mt-4 text-sm text-slate-600 dark:text-slate-400">
          {formatCount(results.total, 'answer')} for <span className="font-semibold text-slate-900 dark:text-white">{results.query}</span>
          {results.total > results.pageSize ? `, page ${results.page} of ${Math.ceil(results.total / results.pageSize)}` : ''}
        </p>
      )}
      <TermCards terms={results.terms} />
      {results.total > 0 ? (
        <div className="mt-6 gap-10 lg:grid lg:grid-cols-[minmax(0,1fr)_14rem]">
          <SearchFacets query={results.query} filter={filter} facets={results.facets} />
          <div className="min-w-0 lg:col-start-1 lg:row-start-1">
            <SearchHits hits={results.hits} />
            <SearchPager query={results.query} filter={filter} page={results.page} pageCount={Math.ceil(results.total / results.pageSize)} />
          </div>
        </div>
      ) : (
        <SearchEmptyState query={results.query} filter={filter} suggestion={suggestion} popular={popular} />
      )}
    </SearchLayout>
  )

  async function usefulSuggestion(query: string): Promise<string | null> {
    const suggested = await suggestQuery(client, query)
    if (!suggested) return null
    // Offered only when it finds something, in the same filter.
    const check = await searchAnswers(client, { q: `${suggested} `, category: request.category, tag: request.tag, pageSize: 1 })
    return check.total > 0 ? suggested : null
  }
}

function SearchLayout({ q, category, tag, children }: { q: string; category?: string; tag?: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl dark:text-white">Search</h1>
      <SearchForm q={q} category={category} tag={tag} />
      {children}
    </div>
  )
}
