import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { chunk, valueRows } from '@/lib/data/sql-rows'
import type { Phrase, QueryGroup } from '@/lib/search/query'
import type { SearchDialect } from '@/lib/search/search-types'

// SQLite: the FTS5 table "AnswerSearch" (prisma/migrations/…_search_index), rowid = Answer.id, ranked by its
// configured rank, bm25() with column weights (title 10, tags 6, glossary terms 6, summary 3, body 1).

/** `"w1 w2"` or `"w1 w2" *`: every token double-quoted (tokens are letters and digits; a quote would be doubled). */
function ftsPhrase(phrase: Phrase): string {
  const quoted = `"${phrase.words.join(' ').replaceAll('"', '""')}"`
  return phrase.prefix ? `${quoted} *` : quoted
}

/** The MATCH expression, built only from parsed tokens: groups ANDed, each group's alternatives ORed. */
export function ftsMatchExpression(groups: readonly QueryGroup[]): string {
  return groups.map((group) => `(${group.alternatives.map(ftsPhrase).join(' OR ')})`).join(' AND ')
}

const snippetTokens = 24

export const sqliteSearch: SearchDialect = {
  matchingIds(groups) {
    return Prisma.sql`SELECT rowid AS "id" FROM "AnswerSearch" WHERE "AnswerSearch" MATCH ${ftsMatchExpression(groups)}`
  },

  async rankedIds(db, groups, filter, limit, offset) {
    // Only the ids are sorted: the snippets of the one page come from a second query (an auxiliary function in
    // this one would run for every match before the sort).
    const rows = await db.$queryRaw<{ id: bigint | number }[]>`
      SELECT s.rowid AS "id" FROM "AnswerSearch" s JOIN "Answer" a ON a."id" = s.rowid
      WHERE "AnswerSearch" MATCH ${ftsMatchExpression(groups)} AND ${filter}
      ORDER BY s.rank LIMIT ${limit} OFFSET ${offset}`
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
      const rows = batch.map((doc) => [doc.id, doc.title, doc.tags, doc.terms, doc.summary, doc.body])
      await tx.$executeRaw`INSERT INTO "AnswerSearch" (rowid, "title", "tags", "terms", "summary", "body") VALUES ${valueRows(rows)}`
    }
  },
}
