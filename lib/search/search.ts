import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { publicWhere } from '@/lib/data/answers'
import { parseStringList } from '@/lib/data/string-list'
import { providerOfDb, type Db } from '@/lib/db'
import { postgresSearch } from '@/lib/search/postgres-search'
import { parseQuery, type QueryGroup } from '@/lib/search/query'
import { searchRequestSchema, type ParsedSearchRequest, type SearchRequest } from '@/lib/search/search-request'
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
  const [categories, tags, ids] = await Promise.all([
    categoryFacets(db, dialect.matchingIds(groups), input),
    tagFacets(db, dialect.matchingIds(groups), input),
    dialect.rankedIds(db, groups, answerFilter(input), input.pageSize, (input.page - 1) * input.pageSize),
  ])
  const total = input.category ? (categories.find((c) => c.slug === input.category)?.count ?? 0) : categories.reduce((sum, c) => sum + c.count, 0)
  return {
    ...empty,
    total,
    hits: await loadHits(db, dialect, groups, ids),
    facets: { categories: categories.slice(0, facetLimit), tags: tags.slice(0, facetLimit) },
    terms: matchedTerms.map(({ slug, term, short }) => ({ slug, term, short })),
  }
}

async function loadGlossaryNames(db: Db): Promise<GlossaryNames[]> {
  const rows = await db.glossaryTerm.findMany({ where: { unpublishedAt: null }, select: { slug: true, term: true, short: true, aliases: true }, orderBy: { slug: 'asc' } })
  return rows.map((row) => ({ ...row, aliases: parseStringList(row.aliases) }))
}

const categoryCondition = (slug: string | undefined) =>
  slug ? Prisma.sql`a."categoryId" = (SELECT "id" FROM "Category" WHERE "slug" = ${slug})` : Prisma.sql`1 = 1`
const tagCondition = (slug: string | undefined) =>
  slug ? Prisma.sql`EXISTS (SELECT 1 FROM "AnswerTag" f JOIN "Tag" ft ON ft."id" = f."tagId" WHERE f."answerId" = a."id" AND ft."slug" = ${slug})` : Prisma.sql`1 = 1`
const answerFilter = (input: ParsedSearchRequest) => Prisma.sql`${categoryCondition(input.category)} AND ${tagCondition(input.tag)}`

const toFacets = (rows: { slug: string; name: string; count: bigint | number }[]): FacetCount[] => rows.map((row) => ({ slug: row.slug, name: row.name, count: Number(row.count) }))

/** Matches per category with the tag filter applied (the total is read from these counts). */
async function categoryFacets(db: Db, matching: Prisma.Sql, input: ParsedSearchRequest): Promise<FacetCount[]> {
  return toFacets(
    await db.$queryRaw`SELECT c."slug", c."name", count(*) AS "count" FROM (${matching}) m JOIN "Answer" a ON a."id" = m."id"
      JOIN "Category" c ON c."id" = a."categoryId" WHERE ${tagCondition(input.tag)}
      GROUP BY c."slug", c."name" ORDER BY count(*) DESC, c."name"`,
  )
}

/** Matches per tag with the category filter applied. */
async function tagFacets(db: Db, matching: Prisma.Sql, input: ParsedSearchRequest): Promise<FacetCount[]> {
  return toFacets(
    await db.$queryRaw`SELECT t."slug", t."name", count(*) AS "count" FROM (${matching}) m JOIN "AnswerTag" x ON x."answerId" = m."id"
      JOIN "Tag" t ON t."id" = x."tagId" JOIN "Answer" a ON a."id" = m."id" WHERE ${categoryCondition(input.category)}
      GROUP BY t."slug", t."name" ORDER BY count(*) DESC, t."name" LIMIT ${facetLimit}`,
  )
}

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
