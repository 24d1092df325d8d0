import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { chunk, valueRows } from '@/lib/data/sql-rows'
import type { Phrase, QueryGroup } from '@/lib/search/query'
import type { Db } from '@/lib/db'
import type { SearchDialect, SearchFilter } from '@/lib/search/search-types'

// SQLite: the FTS5 table "AnswerSearch" (prisma/migrations/…_search_index), rowid = Answer.id, ranked by its
// configured rank, bm25() with column weights (title 10, tags 6, glossary terms 6, summary 3, body 1, facets 0).
// The "facets" column holds one token per category ("c12") and tag ("t7") of the answer: filters and facet counts
// are index lookups (count(*) of a MATCH never decodes positions), not joins over every match (measured at 10,000
// answers: 0.2 ms per count against 12 ms for the category join and 24 ms for the tag join).

/** `"w1 w2"` or `"w1 w2" *`: every token double-quoted (tokens are letters and digits; a quote would be doubled). */
function ftsPhrase(phrase: Phrase): string {
  const quoted = `"${phrase.words.join(' ').replaceAll('"', '""')}"`
  return phrase.prefix ? `${quoted} *` : quoted
}

/** The MATCH expression, built only from parsed tokens: groups ANDed, each group's alternatives ORed. */
export function ftsMatchExpression(groups: readonly QueryGroup[]): string {
  // Only the text columns: a visitor's "c12" must not match the facet tokens.
  return `{title tags terms summary body} : (${groups.map((group) => `(${group.alternatives.map(ftsPhrase).join(' OR ')})`).join(' AND ')})`
}

const snippetTokens = 24

export const categoryToken = (id: number) => `c${id}`
export const tagToken = (id: number) => `t${id}`

type Named = { id: number; slug: string; name: string }

/** The filter as facet tokens; null when a slug names nothing (so nothing matches). */
function filterTokens(filter: SearchFilter, categories: readonly Named[], tags: readonly Named[]) {
  const category = filter.category === undefined ? undefined : categories.find((c) => c.slug === filter.category)
  const tag = filter.tag === undefined ? undefined : tags.find((t) => t.slug === filter.tag)
  if ((filter.category !== undefined && !category) || (filter.tag !== undefined && !tag)) return null
  return { category: category && categoryToken(category.id), tag: tag && tagToken(tag.id) }
}

const withFacets = (expression: string, ...tokens: (string | undefined)[]) =>
  [expression, ...tokens.filter((token): token is string => token !== undefined).map((token) => `"facets" : "${token}"`)].join(' AND ')

async function taxonomy(db: Db): Promise<{ categories: Named[]; tags: Named[] }> {
  const [categories, tags] = await Promise.all([db.category.findMany({ select: { id: true, slug: true, name: true } }), db.tag.findMany({ select: { id: true, slug: true, name: true } })])
  return { categories, tags }
}

export const sqliteSearch: SearchDialect = {
  async facets(db, groups, filter) {
    const { categories, tags } = await taxonomy(db)
    const tokens = filterTokens(filter, categories, tags)
    if (!tokens || (categories.length === 0 && tags.length === 0)) return { categories: [], tags: [] }
    const expression = ftsMatchExpression(groups)
    const count = (...facetTokens: (string | undefined)[]) =>
      Prisma.sql`(SELECT count(*) FROM "AnswerSearch" WHERE "AnswerSearch" MATCH ${withFacets(expression, ...facetTokens)})`
    // One statement, one count per category and tag.
    const counts = [...categories.map((c) => count(categoryToken(c.id), tokens.tag)), ...tags.map((t) => count(tagToken(t.id), tokens.category))]
    const [row] = await db.$queryRaw<Record<string, bigint | number>[]>`SELECT ${Prisma.join(counts.map((sql, i) => Prisma.sql`${sql} AS ${Prisma.raw(`"n${i}"`)}`))}`
    const countAt = (i: number) => Number(row?.[`n${i}`] ?? 0)
    return {
      categories: categories.map((c, i) => ({ slug: c.slug, name: c.name, count: countAt(i) })),
      tags: tags.map((t, i) => ({ slug: t.slug, name: t.name, count: countAt(categories.length + i) })),
    }
  },

  async rankedIds(db, groups, filter, limit, offset) {
    const { categories, tags } = filter.category || filter.tag ? await taxonomy(db) : { categories: [], tags: [] }
    const tokens = filterTokens(filter, categories, tags)
    if (!tokens) return []
    // Only the ids are sorted: the snippets of the one page come from a second query (an auxiliary function in
    // this one would run for every match before the sort).
    const rows = await db.$queryRaw<{ id: bigint | number }[]>`
      SELECT rowid AS "id" FROM "AnswerSearch" WHERE "AnswerSearch" MATCH ${withFacets(ftsMatchExpression(groups), tokens.category, tokens.tag)}
      ORDER BY rank LIMIT ${limit} OFFSET ${offset}`
    return rows.map((row) => Number(row.id))
  },

  async markedSnippets(db, groups, ids) {
    if (ids.length === 0) return new Map()
    const rows = await db.$queryRaw<{ id: bigint | number; body: string | null; summary: string | null }[]>`
      SELECT rowid AS "id",
        snippet("AnswerSearch", 4, char(1), char(2), '…', ${snippetTokens}) AS "body",
        snippet("AnswerSearch", 3, char(1), char(2), '…', ${snippetTokens}) AS "summary"
      FROM "AnswerSearch" WHERE "AnswerSearch" MATCH ${ftsMatchExpression(groups)} AND rowid IN (${Prisma.join([...ids])})`
    // The body's passage when the body matched; otherwise the summary (a title-only match still reads well).
    return new Map(rows.map((row) => [Number(row.id), row.body?.includes('\u0001') || !row.summary ? (row.body ?? '') : row.summary]))
  },

  async writeDocuments(tx, removeIds, documents) {
    for (const batch of chunk(removeIds, 500)) {
      await tx.$executeRaw`DELETE FROM "AnswerSearch" WHERE rowid IN (${Prisma.join(batch)})`
    }
    for (const batch of chunk(documents, 100)) {
      const rows = batch.map((doc) => [doc.id, doc.title, doc.tags, doc.terms, doc.summary, doc.body, [categoryToken(doc.categoryId), ...doc.tagIds.map(tagToken)].join(' ')])
      await tx.$executeRaw`INSERT INTO "AnswerSearch" (rowid, "title", "tags", "terms", "summary", "body", "facets") VALUES ${valueRows(rows)}`
    }
  },
}
