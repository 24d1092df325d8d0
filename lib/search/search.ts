import 'server-only'
import { publicWhere } from '@/lib/data/answers'
import { parseStringList } from '@/lib/data/string-list'
import { providerOfDb, type Db } from '@/lib/db'
import { postgresSearch } from '@/lib/search/postgres-search'
import { parseQuery, type QueryGroup } from '@/lib/search/query'
import { searchRequestSchema, type SearchRequest } from '@/lib/search/search-request'
import type { FacetCount, SearchDialect, SearchHit, SearchResults } from '@/lib/search/search-types'
import { toSegments } from '@/lib/search/snippet-segments'
import { sqliteSearch } from '@/lib/search/sqlite-search'
import { expandWithGlossary, type GlossaryNames } from '@/lib/search/synonyms'

// Full-text search over public answers, the same on both databases: parsing and synonyms here, the dialect
// (sqlite-search.ts / postgres-search.ts) only expresses the match, the ranking and the snippets.

export const dialectOf = (db: Db): SearchDialect => (providerOfDb(db) === 'sqlite' ? sqliteSearch : postgresSearch)

const facetLimit = 20

export async function searchAnswers(db: Db, request: SearchRequest): Promise<SearchResults> {
  const input = searchRequestSchema.parse(request)
  const parsed = parseQuery(input.q)
  const empty: SearchResults = { query: parsed.text, total: 0, page: input.page, pageSize: input.pageSize, hits: [], facets: { categories: [], tags: [] }, terms: [] }
  if (parsed.groups.length === 0) return empty
  const { groups, matchedTerms } = expandWithGlossary(parsed, await loadGlossaryNames(db))
  const dialect = dialectOf(db)
  const filter = { category: input.category, tag: input.tag }
  const [{ categories, tags }, ids] = await Promise.all([
    dialect.facets(db, groups, filter),
    dialect.rankedIds(db, groups, filter, input.pageSize, (input.page - 1) * input.pageSize),
  ])
  const total = input.category ? (categories.find((c) => c.slug === input.category)?.count ?? 0) : categories.reduce((sum, c) => sum + c.count, 0)
  return {
    ...empty,
    total,
    hits: await loadHits(db, dialect, groups, ids),
    facets: { categories: byCount(categories).slice(0, facetLimit), tags: byCount(tags).slice(0, facetLimit) },
    terms: matchedTerms.map(({ slug, term, short }) => ({ slug, term, short })),
  }
}

async function loadGlossaryNames(db: Db): Promise<GlossaryNames[]> {
  const rows = await db.glossaryTerm.findMany({ where: { unpublishedAt: null }, select: { slug: true, term: true, short: true, aliases: true }, orderBy: { slug: 'asc' } })
  return rows.map((row) => ({ ...row, aliases: parseStringList(row.aliases) }))
}

const byCount = (facets: FacetCount[]) => facets.filter((f) => f.count > 0).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))

async function loadHits(db: Db, dialect: SearchDialect, groups: readonly QueryGroup[], ids: readonly number[]): Promise<SearchHit[]> {
  if (ids.length === 0) return []
  const [rows, snippets] = await Promise.all([
    db.answer.findMany({
      where: { id: { in: [...ids] }, ...publicWhere },
      select: { id: true, slug: true, title: true, publishedAt: true, category: { select: { slug: true, name: true } } },
    }),
    dialect.markedSnippets(db, groups, ids),
  ])
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ids.flatMap((id) => {
    const row = byId.get(id)
    if (!row) return []
    return [{ slug: row.slug, title: row.title, category: row.category, publishedAt: row.publishedAt.toISOString(), snippet: toSegments(snippets.get(id) ?? '') }]
  })
}
