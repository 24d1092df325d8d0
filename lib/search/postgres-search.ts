import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { chunk } from '@/lib/data/sql-rows'
import type { Phrase, QueryGroup } from '@/lib/search/query'
import type { SearchDialect } from '@/lib/search/search-types'
import { answerFilter, sqlFacets } from '@/lib/search/sql-facets'

// PostgreSQL: the table "AnswerSearch" (prisma/migrations-postgresql/…_search_index) with a weighted tsvector
// (A title, B tags and glossary terms, C summary, D body) under a GIN index, ranked with ts_rank_cd and
// highlighted with ts_headline.

/** A lexeme for to_tsquery: quoted, with the quote and backslash escaped (tokens are letters and digits anyway). */
const lexeme = (word: string) => `'${word.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`

function tsPhrase(phrase: Phrase): string {
  const words = phrase.words.map(lexeme)
  if (phrase.prefix && words.length > 0) words[words.length - 1] = `${words[words.length - 1]}:*`
  return words.length > 1 ? `(${words.join(' <-> ')})` : (words[0] ?? '')
}

/** The to_tsquery text, built only from parsed tokens: groups ANDed, each group's alternatives ORed. */
export function tsQueryText(groups: readonly QueryGroup[]): string {
  return groups.map((group) => `(${group.alternatives.map(tsPhrase).join(' | ')})`).join(' & ')
}

const tsQuery = (groups: readonly QueryGroup[]) => Prisma.sql`to_tsquery('english', ${tsQueryText(groups)})`

// Weights for D, C, B, A: a title match counts ten times a body match, as on SQLite.
const rankWeights = '{0.1, 0.3, 0.6, 1.0}'
const headlineOptions = `MaxWords=30, MinWords=15, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "`

const fromHeadline = (text: string) => text.replaceAll('\u0003', '<').replaceAll('\u0004', '>')

export const postgresSearch: SearchDialect = {
  facets(db, groups, filter) {
    return sqlFacets(db, Prisma.sql`SELECT "answerId" AS "id" FROM "AnswerSearch" WHERE "document" @@ ${tsQuery(groups)}`, filter)
  },

  async rankedIds(db, groups, filter, limit, offset) {
    const rows = await db.$queryRaw<{ id: number }[]>`
      SELECT s."answerId" AS "id" FROM "AnswerSearch" s JOIN "Answer" a ON a."id" = s."answerId"
      WHERE s."document" @@ ${tsQuery(groups)} AND ${answerFilter(filter)}
      ORDER BY ts_rank_cd(${rankWeights}::float4[], s."document", ${tsQuery(groups)}) DESC, s."answerId"
      LIMIT ${limit} OFFSET ${offset}`
    return rows.map((row) => Number(row.id))
  },

  async markedSnippets(db, groups, ids) {
    if (ids.length === 0) return new Map()
    const options = Prisma.sql`'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', ' || ${headlineOptions}`
    // ts_headline's parser drops what looks like an HTML tag; the answer's "<" and ">" go through as two control
    // characters (never in indexed text) and come back in fromHeadline.
    const guarded = (column: string) => Prisma.sql`translate(${Prisma.raw(`"${column}"`)}, '<>', chr(3) || chr(4))`
    const rows = await db.$queryRaw<{ id: number; body: string; summary: string }[]>`
      SELECT "answerId" AS "id",
        ts_headline('english', ${guarded('body')}, ${tsQuery(groups)}, ${options}) AS "body",
        ts_headline('english', ${guarded('summary')}, ${tsQuery(groups)}, ${options}) AS "summary"
      FROM "AnswerSearch" WHERE "answerId" IN (${Prisma.join([...ids])})`
    // The body's passage when the body matched (it has a mark); otherwise the summary, as on SQLite.
    return new Map(rows.map((row) => [Number(row.id), fromHeadline(row.body.includes('\u0001') || !row.summary ? row.body : row.summary)]))
  },

  async writeDocuments(tx, removeIds, documents) {
    for (const batch of chunk(removeIds, 1000)) {
      await tx.$executeRaw`DELETE FROM "AnswerSearch" WHERE "answerId" IN (${Prisma.join(batch)})`
    }
    for (const batch of chunk(documents, 200)) {
      const column = <K extends keyof (typeof batch)[number]>(key: K) => batch.map((doc) => doc[key])
      await tx.$executeRaw`
        INSERT INTO "AnswerSearch" ("answerId", "title", "summary", "body", "document")
        SELECT d.id, d.title, d.summary, d.body,
          setweight(to_tsvector('english', d.title), 'A') || setweight(to_tsvector('english', d.tags || ' ' || d.terms), 'B') ||
          setweight(to_tsvector('english', d.summary), 'C') || setweight(to_tsvector('english', d.body), 'D')
        FROM unnest(${column('id')}::int[], ${column('title')}::text[], ${column('tags')}::text[], ${column('terms')}::text[],
          ${column('summary')}::text[], ${column('body')}::text[]) AS d(id, title, tags, terms, summary, body)`
    }
  },
}
