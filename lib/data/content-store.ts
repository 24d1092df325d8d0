import 'server-only'
import { createHash } from 'node:crypto'
import { parseStringList } from '@/lib/data/string-list'
import { writeAnswerLinks, writeAnswerRows, writeVersionBumpsAndRemovals } from '@/lib/data/write-answers'
import { writeGlossaryRows } from '@/lib/data/write-glossary'
import { writeCategoryRows, writeTagRows } from '@/lib/data/write-taxonomy'
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

/** Applies a whole ingest in one transaction, batching rows so a 1,000-answer ingest is a handful of statements. */
export async function applyIngestPlan(db: Db, plan: IngestPlan, now = new Date()): Promise<void> {
  await db.$transaction(
    async (tx) => {
      const termIds = await writeGlossaryRows(tx, plan.glossaryUpserts, plan.glossaryRemovals, now)
      const categoryIds = await writeCategoryRows(tx, plan.answerUpserts)
      const tagIds = await writeTagRows(tx, plan.answerUpserts)
      const written = await writeAnswerRows(tx, plan.answerUpserts, categoryIds, now)
      await writeAnswerLinks(tx, plan.answerUpserts, written, tagIds, termIds)
      await writeVersionBumpsAndRemovals(tx, plan.answerVersionBumps, plan.answerRemovals, now)
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
