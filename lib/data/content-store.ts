import 'server-only'
import { createHash } from 'node:crypto'
import { claimIngestRevision, defaultLockWaitMs, IngestNotAppliedError, readIngestRevision, retryWhileBusy } from '@/lib/data/ingest-revision'
import { retryPauseMs, snapshotReadOptions, takeIngestLock } from '@/lib/data/ingest-lock'
import type { Tx } from '@/lib/data/sql-rows'
import { parseStringList } from '@/lib/data/string-list'
import { writeAnswerLinks, writeAnswerRows, writeVersionBumpsAndRemovals } from '@/lib/data/write-answers'
import { writeGlossaryRows } from '@/lib/data/write-glossary'
import { writeCategoryRows, writeTagRows } from '@/lib/data/write-taxonomy'
import { providerOfDb, type Db, type Provider } from '@/lib/db'
import { answersToReindex, reindexAnswers } from '@/lib/search/index-answers'
import type { Author } from '@/lib/schemas/author'

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

export interface StoredContent {
  answers: StoredAnswer[]
  glossary: StoredGlossaryEntry[]
  /** The ingest revision these rows belong to (0 when not read: check mode may run on an unmigrated file). */
  revision: number
}

/**
 * The store as one snapshot: revision and rows are read in one transaction, so a plan made from them is exactly
 * as old as its revision says (and, with one connection per client, no other transaction's rows leak in).
 */
export async function loadStoredContent(db: Db, { readRevision, lockWaitMs = defaultLockWaitMs }: { readRevision: boolean; lockWaitMs?: number }): Promise<StoredContent> {
  const provider = providerOfDb(db)
  return retryWhileBusy(
    lockWaitMs,
    () =>
      db.$transaction(
        async (tx) => ({
          revision: readRevision ? await readIngestRevision(tx) : 0,
          answers: await loadStoredAnswers(tx),
          glossary: await loadStoredGlossary(tx),
        }),
        { maxWait: lockWaitMs, timeout: 60_000, ...snapshotReadOptions(provider) },
      ),
    retryPauseMs(provider),
  )
}

async function loadStoredAnswers(db: Tx): Promise<StoredAnswer[]> {
  return db.answer.findMany({
    where: { unpublishedAt: null },
    select: { slug: true, sourcePath: true, contentHash: true, glossaryVersion: true },
  })
}

/** The active glossary as stored: what every active answer was last linked against. */
async function loadStoredGlossary(db: Tx): Promise<StoredGlossaryEntry[]> {
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
  /** The authors' names joined for display ("Russell Clark and Jane Doe"). */
  author: string
  authors: Author[]
  basedOn: string | null
  publishedAt: Date
  revisedAt: Date | null
  reviewedBy: string | null
  reviewedAt: Date | null
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
  /** The ingest revision the stored rows were read at; the write refuses if the store has moved on since. */
  baseRevision: number
  glossaryUpserts: GlossaryWrite[]
  /** Active glossary slugs whose files are gone. */
  glossaryRemovals: string[]
  answerUpserts: AnswerWrite[]
  /** Unchanged answers checked against a new glossary version without needing a re-link. */
  answerVersionBumps: { slugs: string[]; glossaryVersion: string }
  /** Active answer slugs whose files are gone. */
  answerRemovals: string[]
}

class StalePlan extends Error {}

/**
 * Applies a whole ingest in one transaction, batching rows so a 1,000-answer ingest is a handful of statements.
 * 'stale' (nothing written) when another ingest wrote since `plan.baseRevision` was read.
 */
export async function applyIngestPlan(
  db: Db,
  plan: IngestPlan,
  { now = new Date(), lockWaitMs = defaultLockWaitMs, onLockWait }: { now?: Date; lockWaitMs?: number; onLockWait?: () => void } = {},
): Promise<'applied' | 'stale'> {
  const provider = providerOfDb(db)
  try {
    await retryWhileBusy(
      lockWaitMs,
      () =>
        db.$transaction(
          async (tx) => {
            // One ingest at a time across machines (PostgreSQL's advisory lock; SQLite's write lock comes with the claim).
            await takeIngestLock(tx, provider)
            if (!(await claimIngestRevision(tx, plan.baseRevision, now))) throw new StalePlan()
            await applyPlanRows(tx, plan, now, provider)
          },
          { maxWait: lockWaitMs, timeout: 10 * 60_000 },
        ),
      retryPauseMs(provider),
      onLockWait,
    )
    return 'applied'
  } catch (error) {
    if (error instanceof StalePlan) return 'stale'
    if (error instanceof IngestNotAppliedError) throw error
    throw IngestNotAppliedError.failed(error)
  }
}

async function applyPlanRows(tx: Tx, plan: IngestPlan, now: Date, provider: Provider): Promise<void> {
  const termIds = await writeGlossaryRows(tx, plan.glossaryUpserts, plan.glossaryRemovals, now)
  const categoryIds = await writeCategoryRows(tx, plan.answerUpserts)
  const tagIds = await writeTagRows(tx, plan.answerUpserts)
  const answerIds = await writeAnswerRows(tx, plan.answerUpserts, categoryIds, now)
  await writeAnswerLinks(tx, plan.answerUpserts, answerIds, tagIds, termIds)
  await writeVersionBumpsAndRemovals(tx, plan.answerVersionBumps, plan.answerRemovals, now)
  // The search index moves with the rows, in this transaction: a reader never sees one without the other.
  const changedTerms = [...plan.glossaryUpserts.map((entry) => entry.slug), ...plan.glossaryRemovals]
  await reindexAnswers(tx, provider, await answersToReindex(tx, answerIds.values(), plan.answerRemovals, changedTerms))
}

/** Changes whenever anything a pre-rendered page shows from the store changes (not view counts). */
export async function contentFingerprint(db: Db): Promise<string> {
  const [answers, terms] = await Promise.all([
    db.answer.findMany({ select: { slug: true, contentHash: true, glossaryVersion: true, unpublishedAt: true }, orderBy: { slug: 'asc' } }),
    db.glossaryTerm.findMany({ select: { slug: true, contentHash: true, unpublishedAt: true }, orderBy: { slug: 'asc' } }),
  ])
  return createHash('sha256').update(JSON.stringify([answers, terms])).digest('hex')
}
