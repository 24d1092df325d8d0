import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import type { Db } from '@/lib/db'
import type { FacetCount, SearchFilter } from '@/lib/search/search-types'

// Facet counts and filters in plain SQL over a set of matching answer ids (PostgreSQL's way: the planner joins the
// GIN matches with the link tables). SQLite counts inside its FTS5 index instead (sqlite-search.ts).

export const categoryCondition = (slug: string | undefined) =>
  slug ? Prisma.sql`a."categoryId" = (SELECT "id" FROM "Category" WHERE "slug" = ${slug})` : Prisma.sql`1 = 1`
export const tagCondition = (slug: string | undefined) =>
  slug ? Prisma.sql`EXISTS (SELECT 1 FROM "AnswerTag" f JOIN "Tag" ft ON ft."id" = f."tagId" WHERE f."answerId" = a."id" AND ft."slug" = ${slug})` : Prisma.sql`1 = 1`
export const answerFilter = (filter: SearchFilter) => Prisma.sql`${categoryCondition(filter.category)} AND ${tagCondition(filter.tag)}`

const toFacets = (rows: { slug: string; name: string; count: bigint | number }[]): FacetCount[] => rows.map((row) => ({ slug: row.slug, name: row.name, count: Number(row.count) }))

/** Categories counted with the tag filter applied, tags with the category filter. */
export async function sqlFacets(db: Db, matching: Prisma.Sql, filter: SearchFilter): Promise<{ categories: FacetCount[]; tags: FacetCount[] }> {
  const [categories, tags] = await Promise.all([
    db.$queryRaw<{ slug: string; name: string; count: bigint | number }[]>`SELECT c."slug", c."name", count(*) AS "count" FROM (${matching}) m
      JOIN "Answer" a ON a."id" = m."id" JOIN "Category" c ON c."id" = a."categoryId" WHERE ${tagCondition(filter.tag)}
      GROUP BY c."slug", c."name"`,
    db.$queryRaw<{ slug: string; name: string; count: bigint | number }[]>`SELECT t."slug", t."name", count(*) AS "count" FROM (${matching}) m
      JOIN "AnswerTag" x ON x."answerId" = m."id" JOIN "Tag" t ON t."id" = x."tagId" JOIN "Answer" a ON a."id" = m."id"
      WHERE ${categoryCondition(filter.category)} GROUP BY t."slug", t."name"`,
  ])
  return { categories: toFacets(categories), tags: toFacets(tags) }
}
