import 'server-only'
import { createHash } from 'node:crypto'
import { Prisma } from '@/generated/prisma/client'
import { parseStringList } from '@/lib/data/string-list'
import type { Db } from '@/lib/db'

// Reads and writes for the ingest pipeline. Everything is applied in one transaction or not at all.

export interface StoredFile {
  slug: string
  sourcePath: string
  contentHash: string
}

export interface StoredAnswer extends StoredFile {
  glossaryVersion: string
}

export interface StoredGlossaryEntry extends StoredFile {
  term: string
  aliases: string[]
}

export async function loadStoredAnswers(db: Db): Promise<StoredAnswer[]> {
  return db.answer.findMany({
    where: { unpublishedAt: null },
    select: { slug: true, sourcePath: true, contentHash: true, glossaryVersion: true },
  })
}

/** The active glossary as stored: what every active answer was last linked against. */
export async function loadStoredGlossary(db: Db): Promise<StoredGlossaryEntry[]> {
  const rows = await db.glossaryTerm.findMany({
    where: { unpublishedAt: null },
    select: { slug: true, sourcePath: true, contentHash: true, term: true, aliases: true },
  })
  return rows.map((row) => ({ ...row, aliases: parseStringList(row.aliases) }))
}


export interface AnswerWrite {
  slug: string
  sourcePath: string
  title: string
  category: { slug: string; name: string }
  tags: { slug: string; name: string }[]
  author: string
  basedOn: string | null
  publishedAt: Date
  revisedAt: Date | null
  summary: string
  draft: boolean
  code: string
  wordCount: number
  readingMinutes: number
  contentHash: string
  glossaryVersion: string
  /** Linked glossary slugs in order of first appearance. */
  terms: string[]
}

export interface GlossaryWrite {
  slug: string
  sourcePath: string
  term: string
  aliases: string[]
  short: string
  related: string[]
  category: string | null
  code: string
  contentHash: string
}

export interface IngestPlan {
  glossaryUpserts: GlossaryWrite[]
  /** Active glossary slugs whose files are gone. */
  glossaryRemovals: string[]
  answerUpserts: AnswerWrite[]
  /** Unchanged answers checked against a new glossary version without needing a re-link. */
  answerVersionBumps: { slugs: string[]; glossaryVersion: string }
  /** Active answer slugs whose files are gone. */
  answerRemovals: string[]
}

function idOf(ids: ReadonlyMap<string, number>, slug: string): number {
  const id = ids.get(slug)
  if (id === undefined) throw new Error(`ingest: no id for "${slug}" (rows were written out of order)`)
  return id
}

const chunk = <T,>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))

/** `(a, b), (c, d)` as one flat Prisma.Sql: a nested Prisma.sql per row cost more than inserting the row. */
function valueRows(rows: readonly (readonly unknown[])[]): Prisma.Sql {
  const strings: string[] = []
  const values: unknown[] = []
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      strings.push(c > 0 ? ', ' : r > 0 ? '), (' : '(')
      values.push(value)
    })
  })
  strings.push(')')
  return new Prisma.Sql(strings, values)
}

/** Applies a whole ingest in one transaction, batching rows so a 1,000-answer ingest is a handful of statements. */
export async function applyIngestPlan(db: Db, plan: IngestPlan, now = new Date()): Promise<void> {
  await db.$transaction(
    async (tx) => {
      for (const entry of plan.glossaryUpserts) {
        const data = {
          sourcePath: entry.sourcePath,
          term: entry.term,
          aliases: JSON.stringify(entry.aliases),
          short: entry.short,
          related: JSON.stringify(entry.related),
          category: entry.category,
          code: entry.code,
          contentHash: entry.contentHash,
          unpublishedAt: null,
        }
        await tx.glossaryTerm.upsert({ where: { slug: entry.slug }, create: { slug: entry.slug, ...data }, update: data })
      }
      if (plan.glossaryRemovals.length > 0) {
        await tx.glossaryTerm.updateMany({ where: { slug: { in: plan.glossaryRemovals } }, data: { unpublishedAt: now } })
      }
      const termIds = new Map(
        (await tx.glossaryTerm.findMany({ where: { unpublishedAt: null }, select: { id: true, slug: true } })).map((t) => [t.slug, t.id]),
      )

      // Categories and tags: one lookup, one batched insert for the new ones, updates only for renamed categories.
      const categories = [...new Map(plan.answerUpserts.map((a) => [a.category.slug, a.category])).values()]
      const knownCategories = await tx.category.findMany({ where: { slug: { in: categories.map((c) => c.slug) } } })
      const newCategories = categories.filter((c) => !knownCategories.some((k) => k.slug === c.slug))
      if (newCategories.length > 0) await tx.category.createMany({ data: newCategories })
      for (const category of categories) {
        const known = knownCategories.find((k) => k.slug === category.slug)
        if (known && known.name !== category.name) await tx.category.update({ where: { id: known.id }, data: { name: category.name } })
      }
      const categoryIds = new Map(
        (await tx.category.findMany({ where: { slug: { in: categories.map((c) => c.slug) } }, select: { id: true, slug: true } })).map((c) => [c.slug, c.id]),
      )
      const tags = [...new Map(plan.answerUpserts.flatMap((a) => a.tags).map((t) => [t.slug, t])).values()]
      const tagIds = new Map<string, number>()
      for (const batch of chunk(tags, 500)) {
        const known = new Set((await tx.tag.findMany({ where: { slug: { in: batch.map((t) => t.slug) } }, select: { slug: true } })).map((t) => t.slug))
        const fresh = batch.filter((t) => !known.has(t.slug))
        if (fresh.length > 0) await tx.tag.createMany({ data: fresh })
        for (const row of await tx.tag.findMany({ where: { slug: { in: batch.map((t) => t.slug) } }, select: { id: true, slug: true } })) tagIds.set(row.slug, row.id)
      }

      const rowOf = (answer: AnswerWrite) => ({
        slug: answer.slug,
        sourcePath: answer.sourcePath,
        title: answer.title,
        categoryId: idOf(categoryIds, answer.category.slug),
        author: answer.author,
        basedOn: answer.basedOn,
        publishedAt: answer.publishedAt,
        revisedAt: answer.revisedAt,
        summary: answer.summary,
        draft: answer.draft,
        unpublishedAt: null,
        code: answer.code,
        wordCount: answer.wordCount,
        readingMinutes: answer.readingMinutes,
        contentHash: answer.contentHash,
        glossaryVersion: answer.glossaryVersion,
        ingestedAt: now,
      })
      const existing = new Map<string, number>()
      for (const slugs of chunk(plan.answerUpserts.map((a) => a.slug), 500)) {
        for (const row of await tx.answer.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })) existing.set(row.slug, row.id)
      }
      const ids = new Map(existing)
      for (const answer of plan.answerUpserts) {
        const id = existing.get(answer.slug)
        if (id !== undefined) await tx.answer.update({ where: { id }, data: rowOf(answer) })
      }
      // New answers go in as multi-row INSERTs: Prisma's createMany cost ~0.5 ms a row here (1,000 answers: 0.7 s),
      // this a few µs. Bound parameters keep Dates and booleans stored the way Prisma itself stores them, on SQLite
      // and PostgreSQL; RETURNING (both have it) hands back the new ids without another query.
      for (const batch of chunk(plan.answerUpserts.filter((a) => !existing.has(a.slug)), 100)) {
        const rows = batch.map((answer) => {
          const r = rowOf(answer)
          return [r.slug, r.sourcePath, r.title, r.categoryId, r.author, r.basedOn, r.publishedAt, r.revisedAt, r.summary, r.draft, r.code, r.wordCount, r.readingMinutes, r.contentHash, r.glossaryVersion, r.ingestedAt]
        })
        const created = await tx.$queryRaw<{ id: number | bigint; slug: string }[]>`INSERT INTO "Answer" ("slug", "sourcePath", "title", "categoryId", "author", "basedOn", "publishedAt", "revisedAt", "summary", "draft", "code", "wordCount", "readingMinutes", "contentHash", "glossaryVersion", "ingestedAt") VALUES ${valueRows(rows)} RETURNING "id", "slug"`
        for (const row of created) ids.set(row.slug, Number(row.id))
      }

      const replaced = [...existing.values()]
      for (const batch of chunk(replaced, 500)) {
        await tx.answerTag.deleteMany({ where: { answerId: { in: batch } } })
        await tx.answerTerm.deleteMany({ where: { answerId: { in: batch } } })
      }
      // Join rows go in as multi-row INSERTs: createMany cost ~70 µs a row here, this ~2 µs. Prisma.Sql keeps the
      // placeholders portable between SQLite and PostgreSQL.
      const answerTags = plan.answerUpserts.flatMap((a) => a.tags.map((t) => [idOf(ids, a.slug), idOf(tagIds, t.slug)]))
      for (const batch of chunk(answerTags, 500)) {
        await tx.$executeRaw`INSERT INTO "AnswerTag" ("answerId", "tagId") VALUES ${valueRows(batch)}`
      }
      const answerTerms = plan.answerUpserts.flatMap((a) =>
        a.terms.flatMap((slug, position) => (termIds.has(slug) ? [[idOf(ids, a.slug), idOf(termIds, slug), position]] : [])),
      )
      for (const batch of chunk(answerTerms, 500)) {
        await tx.$executeRaw`INSERT INTO "AnswerTerm" ("answerId", "termId", "position") VALUES ${valueRows(batch)}`
      }

      const { slugs, glossaryVersion } = plan.answerVersionBumps
      for (const batch of chunk(slugs, 500)) await tx.answer.updateMany({ where: { slug: { in: batch } }, data: { glossaryVersion } })
      for (const batch of chunk(plan.answerRemovals, 500)) {
        await tx.answer.updateMany({ where: { slug: { in: batch } }, data: { unpublishedAt: now } })
      }
    },
    { maxWait: 10_000, timeout: 10 * 60_000 },
  )
}

/** Changes whenever anything a pre-rendered page shows from the store changes (not view counts). */
export async function contentFingerprint(db: Db): Promise<string> {
  const [answers, terms] = await Promise.all([
    db.answer.findMany({ select: { slug: true, contentHash: true, glossaryVersion: true, unpublishedAt: true }, orderBy: { slug: 'asc' } }),
    db.glossaryTerm.findMany({ select: { slug: true, contentHash: true, unpublishedAt: true }, orderBy: { slug: 'asc' } }),
  ])
  return createHash('sha256').update(JSON.stringify([answers, terms])).digest('hex')
}
