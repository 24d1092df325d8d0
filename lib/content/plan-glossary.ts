import { createCompiler } from '@/lib/content/compile'
import { buildGlossaryIndex, checkGlossary, type GlossaryIndex } from '@/lib/content/glossary'
import { emptyCounts, type IngestCounts } from '@/lib/content/ingest-counts'
import type { SourceFile } from '@/lib/content/load'
import type { Problem } from '@/lib/content/problem'
import { toGlossaryWrite } from '@/lib/content/records'
import { validateGlossaryEntry, type Validated } from '@/lib/content/validate'
import type { GlossaryWrite, StoredGlossaryEntry } from '@/lib/data/content-store'
import { TermMatcher } from '@/lib/mdx/term-matcher'
import type { GlossaryFrontMatter } from '@/lib/schemas/glossary-front-matter'

export interface GlossaryPlan {
  /** The new glossary every answer is linked against. */
  index: GlossaryIndex
  writes: GlossaryWrite[]
  /** Active glossary slugs whose files are gone. */
  removals: string[]
  counts: IngestCounts
  problems: Problem[]
}

/** Validates every glossary file, checks the cross-file rules and compiles the entries that changed. */
export async function planGlossary(sources: readonly SourceFile[], stored: readonly StoredGlossaryEntry[]): Promise<GlossaryPlan> {
  const { entries, problems } = validateGlossaryFiles(sources)
  problems.push(...checkGlossary(entries))
  const index = buildGlossaryIndex(entries.map((entry) => ({ slug: entry.slug, ...entry.data })))
  const counts = emptyCounts()
  const writes: GlossaryWrite[] = []
  // Definitions are not linked to other terms, so they compile against an empty matcher.
  const compiler = createCompiler({ matcher: new TermMatcher([]), knownSlugs: index.knownSlugs })
  const storedBySlug = new Map(stored.map((row) => [row.slug, row]))
  for (const entry of entries) {
    counts.total++
    const previous = storedBySlug.get(entry.slug)
    if (previous && previous.contentHash === entry.source.hash && previous.sourcePath === entry.source.relPath) {
      counts.unchanged++
      continue
    }
    const compiled = await compiler.compile({ file: entry.source.file, body: entry.split.body, bodyLine: entry.bodyLine, format: entry.source.format })
    if (!compiled.ok) {
      problems.push(...compiled.problems)
      continue
    }
    if (previous) counts.changed++
    else counts.new++
    writes.push(toGlossaryWrite(entry, compiled.value))
  }
  const removals = stored.filter((row) => !index.knownSlugs.has(row.slug)).map((row) => row.slug)
  counts.unpublished = removals.length
  return { index, writes, removals, counts, problems }
}

function validateGlossaryFiles(sources: readonly SourceFile[]): { entries: Validated<GlossaryFrontMatter>[]; problems: Problem[] } {
  const entries: Validated<GlossaryFrontMatter>[] = []
  const problems: Problem[] = []
  for (const source of sources) {
    if (source.kind !== 'glossary') continue
    const result = validateGlossaryEntry(source)
    if (result.ok) entries.push(result.value)
    else problems.push(...result.problems)
  }
  return { entries, problems }
}
