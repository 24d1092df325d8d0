import { buildGlossaryIndex, termKeyOf, type GlossaryIndex } from '@/lib/content/glossary'
import { emptyCounts, type IngestCounts } from '@/lib/content/ingest-counts'
import type { SourceFile } from '@/lib/content/load'
import type { Problem } from '@/lib/content/problem'
import { validateAnswer, type Validated } from '@/lib/content/validate'
import type { StoredContent } from '@/lib/data/content-store'
import type { AnswerFrontMatter } from '@/lib/schemas/answer-front-matter'

/** A validated answer that needs compiling, and how it will be counted once it compiles. */
export interface AnswerToCompile {
  answer: Validated<AnswerFrontMatter>
  change: 'new' | 'changed' | 'relinked'
}

export interface AnswerPlan {
  toCompile: AnswerToCompile[]
  /** Unchanged answers whose links the new glossary does not change: only their glossary version moves. */
  versionBumps: string[]
  /** Active answer slugs whose files are gone. */
  removals: string[]
  /** total, unchanged and unpublished; the compile stage adds new, changed and relinked. */
  counts: IngestCounts
  problems: Problem[]
}

interface Triage {
  candidates: { source: SourceFile; relink: boolean }[]
  /** slug → file, for every answer kept as it is (its slug stays taken). */
  owners: Map<string, string>
  versionBumps: string[]
  unchanged: number
}

/** Decides what each answer file needs (skip, version bump, re-link, compile), then validates those to compile. */
export function planAnswers(sources: readonly SourceFile[], stored: StoredContent, index: GlossaryIndex): AnswerPlan {
  const answerSources = sources.filter((source) => source.kind === 'answer')
  const triage = triageAnswers(answerSources, stored, index)
  const storedSlugs = new Set(stored.answers.map((row) => row.slug))
  const { toCompile, problems } = validateAnswers(triage, storedSlugs)
  const removals = stored.answers.filter((row) => !triage.owners.has(row.slug)).map((row) => row.slug)
  const counts = { ...emptyCounts(), total: answerSources.length, unchanged: triage.unchanged, unpublished: removals.length }
  return { toCompile, versionBumps: triage.versionBumps, removals, counts, problems }
}

/**
 * Skips unchanged files without parsing; an unchanged file is re-linked only if the glossary change touches it.
 * Every active answer was linked against the stored glossary (ingests are all-or-nothing), so comparing which
 * patterns of the old and the new glossary occur in its raw text tells whether its links can change.
 */
function triageAnswers(sources: readonly SourceFile[], stored: StoredContent, index: GlossaryIndex): Triage {
  let previousIndex: GlossaryIndex | undefined
  const previous = () => (previousIndex ??= buildGlossaryIndex(stored.glossary))
  const storedByPath = new Map(stored.answers.map((row) => [row.sourcePath, row]))
  const triage: Triage = { candidates: [], owners: new Map(), versionBumps: [], unchanged: 0 }
  for (const source of sources) {
    const row = storedByPath.get(source.relPath)
    if (!row || row.contentHash !== source.hash) {
      triage.candidates.push({ source, relink: false })
      continue
    }
    triage.owners.set(row.slug, source.file)
    if (row.glossaryVersion === index.version) {
      triage.unchanged++
    } else if (row.glossaryVersion === previous().version && termKeyOf(source.source, previous()) === termKeyOf(source.source, index)) {
      triage.unchanged++
      triage.versionBumps.push(row.slug)
    } else {
      triage.candidates.push({ source, relink: true })
    }
  }
  return triage
}

/** Validates in file order, so a duplicate slug is reported against the later file. Claims slugs in `triage.owners`. */
function validateAnswers(triage: Triage, storedSlugs: ReadonlySet<string>): { toCompile: AnswerToCompile[]; problems: Problem[] } {
  const toCompile: AnswerToCompile[] = []
  const problems: Problem[] = []
  for (const { source, relink } of triage.candidates) {
    const validated = validateAnswer(source)
    if (!validated.ok) {
      problems.push(...validated.problems)
      continue
    }
    const answer = validated.value
    const owner = triage.owners.get(answer.slug)
    if (owner && owner !== source.file) {
      problems.push({
        file: source.file,
        ...answer.split.locate([answer.data.slug ? 'slug' : 'title']),
        message: `duplicate slug "${answer.slug}": also used by ${owner}`,
      })
      continue
    }
    triage.owners.set(answer.slug, source.file)
    toCompile.push({ answer, change: relink ? 'relinked' : storedSlugs.has(answer.slug) ? 'changed' : 'new' })
  }
  return { toCompile, problems }
}
