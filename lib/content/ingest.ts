import { createCompiler } from '@/lib/content/compile'
import { buildGlossaryIndex, checkGlossary, termKeyOf, type GlossaryIndex } from '@/lib/content/glossary'
import { listContentFiles, loadSourceFile, type SourceFile } from '@/lib/content/load'
import { sortProblems, type Problem } from '@/lib/content/problem'
import { toAnswerWrite, toGlossaryWrite } from '@/lib/content/records'
import { validateAnswer, validateGlossaryEntry, type Validated } from '@/lib/content/validate'
import {
  applyIngestPlan,
  loadStoredAnswers,
  loadStoredGlossary,
  type AnswerWrite,
  type GlossaryWrite,
  type IngestPlan,
} from '@/lib/data/content-store'
import type { Db } from '@/lib/db'
import { TermMatcher } from '@/lib/mdx/term-matcher'
import type { AnswerFrontMatter } from '@/lib/schemas/answer-front-matter'
import type { GlossaryFrontMatter } from '@/lib/schemas/glossary-front-matter'

export interface IngestOptions {
  contentDir: string
  /** null in check mode when no database exists yet: everything counts as new. */
  db: Db | null
  /** false = check only: validate and compile everything, write nothing. */
  write: boolean
  onProgress?: (done: number, total: number) => void
  now?: Date
}

export interface IngestCounts {
  total: number
  new: number
  changed: number
  relinked: number
  unchanged: number
  unpublished: number
}

export interface IngestReport {
  problems: Problem[]
  answers: IngestCounts
  glossary: IngestCounts
  durationMs: number
}

const emptyCounts = (): IngestCounts => ({ total: 0, new: 0, changed: 0, relinked: 0, unchanged: 0, unpublished: 0 })

export async function ingestContent({ contentDir, db, write, onProgress, now = new Date() }: IngestOptions): Promise<IngestReport> {
  const started = performance.now()
  const problems: Problem[] = []
  const answers = emptyCounts()
  const glossary = emptyCounts()

  const loaded = (await listContentFiles(contentDir)).map((relPath) => loadSourceFile(contentDir, relPath))
  const sources: SourceFile[] = []
  for (const result of loaded) {
    if (result.ok) sources.push(result.value)
    else problems.push(...result.problems)
  }
  const [storedAnswers, storedGlossary] = db ? await Promise.all([loadStoredAnswers(db), loadStoredGlossary(db)]) : [[], []]

  // Glossary first: every answer is linked against it.
  const entries: Validated<GlossaryFrontMatter>[] = []
  for (const source of sources.filter((s) => s.kind === 'glossary')) {
    const result = validateGlossaryEntry(source)
    if (result.ok) entries.push(result.value)
    else problems.push(...result.problems)
  }
  problems.push(...checkGlossary(entries))
  const index = buildGlossaryIndex(entries.map((entry) => ({ slug: entry.slug, ...entry.data })))
  const glossaryCompiler = createCompiler({ matcher: new TermMatcher([]), knownSlugs: index.knownSlugs })

  const glossaryWrites: GlossaryWrite[] = []
  const storedGlossaryBySlug = new Map(storedGlossary.map((row) => [row.slug, row]))
  for (const entry of entries) {
    glossary.total++
    const stored = storedGlossaryBySlug.get(entry.slug)
    if (write && stored && stored.contentHash === entry.source.hash && stored.sourcePath === entry.source.relPath) {
      glossary.unchanged++
      continue
    }
    const compiled = await glossaryCompiler.compile({ file: entry.source.file, body: entry.split.body, bodyLine: entry.bodyLine, format: entry.source.format })
    if (!compiled.ok) {
      problems.push(...compiled.problems)
      continue
    }
    if (stored) glossary.changed++
    else glossary.new++
    glossaryWrites.push(toGlossaryWrite(entry, compiled.value))
  }
  const glossaryRemovals = storedGlossary.filter((row) => !index.knownSlugs.has(row.slug)).map((row) => row.slug)
  glossary.unpublished = glossaryRemovals.length

  // Answers: skip unchanged files without parsing; re-link unchanged ones only if the glossary change touches them.
  // Every active answer was linked against the stored glossary (ingests are all-or-nothing), so comparing which
  // patterns of the old and the new glossary occur in its raw text tells whether its links can change.
  let previousIndex: GlossaryIndex | undefined
  const previous = () => (previousIndex ??= buildGlossaryIndex(storedGlossary))
  const storedByPath = new Map(storedAnswers.map((row) => [row.sourcePath, row]))
  const storedSlugs = new Set(storedAnswers.map((row) => row.slug))
  const owners = new Map<string, string>()
  const versionBumps: string[] = []
  const toCompile: { source: SourceFile; relink: boolean }[] = []
  for (const source of sources.filter((s) => s.kind === 'answer')) {
    answers.total++
    const stored = storedByPath.get(source.relPath)
    if (!write || !stored || stored.contentHash !== source.hash) {
      toCompile.push({ source, relink: false })
      continue
    }
    owners.set(stored.slug, source.file)
    if (stored.glossaryVersion === index.version) {
      answers.unchanged++
    } else if (stored.glossaryVersion === previous().version && termKeyOf(source.source, previous()) === termKeyOf(source.source, index)) {
      answers.unchanged++
      versionBumps.push(stored.slug)
    } else {
      toCompile.push({ source, relink: true })
    }
  }

  // Validate everything first, in file order, so a duplicate slug is reported against the later file.
  const ready: { answer: Validated<AnswerFrontMatter>; relink: boolean }[] = []
  for (const { source, relink } of toCompile) {
    const validated = validateAnswer(source)
    if (!validated.ok) {
      problems.push(...validated.problems)
      continue
    }
    const answer = validated.value
    const owner = owners.get(answer.slug)
    if (owner && owner !== source.file) {
      problems.push({
        file: source.file,
        ...answer.split.locate([answer.data.slug ? 'slug' : 'title']),
        message: `duplicate slug "${answer.slug}": also used by ${owner}`,
      })
      continue
    }
    owners.set(answer.slug, source.file)
    ready.push({ answer, relink })
  }

  const compiler = createCompiler(index)
  const answerWrites: AnswerWrite[] = []
  let done = 0
  onProgress?.(0, ready.length)
  // One at a time: compiling concurrently keeps every syntax tree alive at once and measured slower (GC).
  for (const { answer, relink } of ready) {
    const compiled = await compiler.compile({ file: answer.source.file, body: answer.split.body, bodyLine: answer.bodyLine, format: answer.source.format })
    onProgress?.(++done, ready.length)
    if (!compiled.ok) {
      problems.push(...compiled.problems)
      continue
    }
    if (relink) answers.relinked++
    else if (storedSlugs.has(answer.slug)) answers.changed++
    else answers.new++
    answerWrites.push(toAnswerWrite(answer, compiled.value, index))
  }
  const answerRemovals = storedAnswers.filter((row) => !owners.has(row.slug)).map((row) => row.slug)
  answers.unpublished = answerRemovals.length

  const sorted = sortProblems(problems)
  if (sorted.length === 0 && write) {
    if (!db) throw new Error('ingestContent: a database is required to write')
    const plan: IngestPlan = {
      glossaryUpserts: glossaryWrites,
      glossaryRemovals,
      answerUpserts: answerWrites,
      answerVersionBumps: { slugs: versionBumps, glossaryVersion: index.version },
      answerRemovals,
    }
    await applyIngestPlan(db, plan, now)
  }
  return { problems: sorted, answers, glossary, durationMs: performance.now() - started }
}

export function formatSummary(report: IngestReport): string {
  const { answers: a, glossary: g } = report
  const relinked = a.relinked > 0 ? `, ${a.relinked} re-linked` : ''
  return [
    `${a.total} answers: ${a.new} new, ${a.changed} changed${relinked}, ${a.unchanged} unchanged, ${a.unpublished} unpublished (${(report.durationMs / 1000).toFixed(1)} s)`,
    `${g.total} glossary terms: ${g.new} new, ${g.changed} changed, ${g.unchanged} unchanged, ${g.unpublished} removed`,
  ].join('\n')
}
