import type { Prisma } from '@/generated/prisma/client'
import type { Db } from '@/lib/db'
import type { QueryGroup } from '@/lib/search/query'

// The one result shape both databases return, and the interface each database's dialect implements.

/** Snippet text in pieces: `highlighted` pieces are the matched words. Rendered as text, never as HTML. */
export interface SnippetSegment {
  text: string
  highlighted: boolean
}

export interface SearchHit {
  slug: string
  title: string
  category: { slug: string; name: string }
  publishedAt: string
  snippet: SnippetSegment[]
}

export interface FacetCount {
  slug: string
  name: string
  count: number
}

export interface SearchResults {
  /** The query as searched (cleaned and capped). */
  query: string
  total: number
  page: number
  pageSize: number
  hits: SearchHit[]
  /** Categories counted with the tag filter applied, tags with the category filter: each facet shows its choices. */
  facets: { categories: FacetCount[]; tags: FacetCount[] }
  /** Glossary entries the query names, shown above the answers as definition cards. */
  terms: { slug: string; term: string; short: string }[]
}

/** What one answer contributes to the index: plain text per weighted field. */
export interface SearchDocument {
  id: number
  title: string
  tags: string
  terms: string
  summary: string
  body: string
  categoryId: number
  tagIds: number[]
}

/** Category and tag slugs the results are narrowed to. */
export interface SearchFilter {
  category?: string
  tag?: string
}

export type Tx = Prisma.TransactionClient

/** The database-specific half: how a match is expressed, ranked, highlighted and written. */
export interface SearchDialect {
  /** Matches per category (with the tag filter applied) and per tag (with the category filter applied). */
  facets(db: Db, groups: readonly QueryGroup[], filter: SearchFilter): Promise<{ categories: FacetCount[]; tags: FacetCount[] }>
  /** Matching ids best first, within the filter. */
  rankedIds(db: Db, groups: readonly QueryGroup[], filter: SearchFilter, limit: number, offset: number): Promise<number[]>
  /** The snippet of each given answer around its best match, with \u0001 … \u0002 around matched words. */
  markedSnippets(db: Db, groups: readonly QueryGroup[], ids: readonly number[]): Promise<Map<number, string>>
  /** Replaces the index rows of `removeIds` by `documents` (inside the ingest's transaction). */
  writeDocuments(tx: Tx, removeIds: readonly number[], documents: readonly SearchDocument[]): Promise<void>
}
