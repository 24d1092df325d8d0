import { compileAnswers } from '@/lib/content/compile-answers'
import type { IngestCounts } from '@/lib/content/ingest-counts'
import { listContentFiles, loadSourceFile, type SourceFile } from '@/lib/content/load'
import { planAnswers } from '@/lib/content/plan-answers'
import { planGlossary } from '@/lib/content/plan-glossary'
import { planTaxonomy } from '@/lib/content/plan-taxonomy'
import { sortProblems, type Problem } from '@/lib/content/problem'
import { applyIngestPlan, loadStoredContent, type IngestPlan, type StoredContent } from '@/lib/data/content-store'
import { IngestNotAppliedError } from '@/lib/data/ingest-revision'
import type { Db } from '@/lib/db'

export type { IngestCounts } from '@/lib/content/ingest-counts'
export { IngestNotAppliedError } from '@/lib/data/ingest-revision'
export { formatSummary } from '@/lib/content/summary'

export interface IngestOptions {
  contentDir: string
  /** null in check mode when no database exists yet: everything counts as new. */
  db: Db | null
  /** false = check only: validate and compile everything, write nothing. */
  write: boolean
  onProgress?: (done: number, total: number) => void
  now?: Date
  /** How long to wait for another writer to release the store before giving up (default 60 s). */
  lockWaitMs?: number
  /** Called once when the write has to wait for another ingest (or another writer) to finish. */
  onLockWait?: () => void
}

export interface IngestReport {
  problems: Problem[]
  answers: IngestCounts
  glossary: IngestCounts
  durationMs: number
  /** Threads that compiled answers: 1, or more when compile workers shared a large batch (compile-pool.ts). */
  compileThreads: number
  /** Another ingest wrote while this one was planning, so it planned again against what that one wrote. */
  replanned: boolean
}

const emptyStore: StoredContent = { answers: [], glossary: [], revision: 0 }

/**
 * The pipeline: load the files and the stored state → plan the glossary (validate, cross-check, compile) → plan
 * the answers (skip, re-link or validate) → compile them → apply everything in one transaction, only if no file
 * has a problem. If another ingest wrote in the meantime, the plan is stale: plan once more against the new
 * store (cheap when that ingest wrote the same files: they are now unchanged); stale twice throws
 * IngestNotAppliedError, as does a store kept locked longer than `lockWaitMs`.
 */
export async function ingestContent(options: IngestOptions): Promise<IngestReport> {
  const started = performance.now()
  let attempt = await planAndApply(options)
  const replanned = attempt.outcome === 'stale'
  if (replanned) attempt = await planAndApply(options)
  if (attempt.outcome === 'stale') throw IngestNotAppliedError.conflict()
  return { ...attempt.report, durationMs: performance.now() - started, replanned }
}

type Attempt = { outcome: 'applied' | 'stale' | 'not written'; report: Omit<IngestReport, 'durationMs' | 'replanned'> }

async function planAndApply({ contentDir, db, write, onProgress, now = new Date(), lockWaitMs, onLockWait }: IngestOptions): Promise<Attempt> {
  const loaded = await loadSources(contentDir)
  const stored = db ? await loadStoredContent(db, { readRevision: write, lockWaitMs }) : emptyStore
  const glossary = await planGlossary(loaded.sources, stored.glossary)
  const answers = planAnswers(loaded.sources, stored, glossary.index)
  const taxonomyProblems = await planTaxonomy(db, answers, contentDir)
  const compiled = await compileAnswers(answers.toCompile, glossary.index, onProgress)

  const problems = sortProblems([...loaded.problems, ...glossary.problems, ...answers.problems, ...taxonomyProblems, ...compiled.problems])
  const report = { problems, answers: { ...answers.counts, ...compiled.counts }, glossary: glossary.counts, compileThreads: compiled.threads }
  if (problems.length > 0 || !write) return { outcome: 'not written', report }
  if (!db) throw new Error('ingestContent: a database is required to write')
  const plan: IngestPlan = {
    baseRevision: stored.revision,
    glossaryUpserts: glossary.writes,
    glossaryRemovals: glossary.removals,
    answerUpserts: compiled.writes,
    answerVersionBumps: { slugs: answers.versionBumps, glossaryVersion: glossary.index.version },
    answerRemovals: answers.removals,
  }
  // Nothing to write keeps the revision: servers watching it (lib/http/content-changes.ts) keep their cached pages.
  if (writesNothing(plan)) return { outcome: 'applied', report }
  return { outcome: await applyIngestPlan(db, plan, { now, lockWaitMs, onLockWait }), report }
}

const writesNothing = (plan: IngestPlan) =>
  [plan.glossaryUpserts, plan.glossaryRemovals, plan.answerUpserts, plan.answerVersionBumps.slugs, plan.answerRemovals].every((rows) => rows.length === 0)

async function loadSources(contentDir: string): Promise<{ sources: SourceFile[]; problems: Problem[] }> {
  const sources: SourceFile[] = []
  const problems: Problem[] = []
  for (const relPath of await listContentFiles(contentDir)) {
    const result = loadSourceFile(contentDir, relPath)
    if (result.ok) sources.push(result.value)
    else problems.push(...result.problems)
  }
  return { sources, problems }
}
