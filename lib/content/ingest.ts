import { compileAnswers } from '@/lib/content/compile-answers'
import type { IngestCounts } from '@/lib/content/ingest-counts'
import { listContentFiles, loadSourceFile, type SourceFile } from '@/lib/content/load'
import { planAnswers, type StoredContent } from '@/lib/content/plan-answers'
import { planGlossary } from '@/lib/content/plan-glossary'
import { sortProblems, type Problem } from '@/lib/content/problem'
import { applyIngestPlan, loadStoredAnswers, loadStoredGlossary } from '@/lib/data/content-store'
import type { Db } from '@/lib/db'

export type { IngestCounts } from '@/lib/content/ingest-counts'

export interface IngestOptions {
  contentDir: string
  /** null in check mode when no database exists yet: everything counts as new. */
  db: Db | null
  /** false = check only: validate and compile everything, write nothing. */
  write: boolean
  onProgress?: (done: number, total: number) => void
  now?: Date
}

export interface IngestReport {
  problems: Problem[]
  answers: IngestCounts
  glossary: IngestCounts
  durationMs: number
}

/**
 * The pipeline: load the files and the stored state → plan the glossary (validate, cross-check, compile) → plan
 * the answers (skip, re-link or validate) → compile them → apply everything in one transaction, only if no file
 * has a problem.
 */
export async function ingestContent({ contentDir, db, write, onProgress, now = new Date() }: IngestOptions): Promise<IngestReport> {
  const started = performance.now()
  const loaded = await loadSources(contentDir)
  const stored = db ? await loadStoredContent(db) : { answers: [], glossary: [] }
  const glossary = await planGlossary(loaded.sources, stored.glossary, write)
  const answers = planAnswers(loaded.sources, stored, glossary.index, write)
  const compiled = await compileAnswers(answers.toCompile, glossary.index, onProgress)

  const problems = sortProblems([...loaded.problems, ...glossary.problems, ...answers.problems, ...compiled.problems])
  if (problems.length === 0 && write) {
    if (!db) throw new Error('ingestContent: a database is required to write')
    const plan = {
      glossaryUpserts: glossary.writes,
      glossaryRemovals: glossary.removals,
      answerUpserts: compiled.writes,
      answerVersionBumps: { slugs: answers.versionBumps, glossaryVersion: glossary.index.version },
      answerRemovals: answers.removals,
    }
    await applyIngestPlan(db, plan, now)
  }
  return { problems, answers: { ...answers.counts, ...compiled.counts }, glossary: glossary.counts, durationMs: performance.now() - started }
}

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

async function loadStoredContent(db: Db): Promise<StoredContent> {
  const [answers, glossary] = await Promise.all([loadStoredAnswers(db), loadStoredGlossary(db)])
  return { answers, glossary }
}

export function formatSummary(report: IngestReport): string {
  const { answers: a, glossary: g } = report
  const relinked = a.relinked > 0 ? `, ${a.relinked} re-linked` : ''
  return [
    `${a.total} answers: ${a.new} new, ${a.changed} changed${relinked}, ${a.unchanged} unchanged, ${a.unpublished} unpublished (${(report.durationMs / 1000).toFixed(1)} s)`,
    `${g.total} glossary terms: ${g.new} new, ${g.changed} changed, ${g.unchanged} unchanged, ${g.unpublished} removed`,
  ].join('\n')
}
