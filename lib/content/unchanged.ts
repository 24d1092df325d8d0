import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { emptyCounts, type IngestCounts } from '@/lib/content/ingest-counts'
import { listContentFiles, loadSourceFile, type SourceFile } from '@/lib/content/load'
import { migrationsAreApplied } from '@/lib/migrate/applied'

interface StoredRow {
  sourcePath: string
  contentHash: string
  glossaryVersion: string | null
}

/**
 * Answers "is there anything to ingest?" before the pipeline (Prisma, the MDX toolchain) is even loaded: null
 * unless every content file has an active row in the store with the same path and hash, no active row lacks its
 * file, and every answer was linked against one glossary version. The full ingest would then skip every file
 * (an unchanged hash means an unchanged file under the same pipelineVersion, which passed every check when it
 * was stored), so its counts are known. Anything unusual (not SQLite, no file yet, pending migrations, a file
 * that does not load) returns null and the full pipeline decides, with its own messages.
 */
export async function detectUnchangedContent(contentDir: string, databaseUrl: string): Promise<{ answers: IngestCounts; glossary: IngestCounts } | null> {
  if (!databaseUrl.startsWith('file:')) return null
  // The rule of sqlitePathFromUrl in lib/db.ts, which cannot be imported here without loading Prisma.
  const file = path.resolve(databaseUrl.replace(/^file:/, ''))
  if (!existsSync(file) || !statSync(file).isFile()) return null

  const sources: SourceFile[] = []
  for (const relPath of await listContentFiles(contentDir)) {
    const loaded = loadSourceFile(contentDir, relPath)
    if (!loaded.ok) return null
    sources.push(loaded.value)
  }

  let connection: Database.Database | undefined
  try {
    // Read-write but read-only in practice: a read-only handle would leave -wal/-shm files behind.
    connection = new Database(file, { fileMustExist: true })
    if (!migrationsAreApplied(connection)) return null
    const answers = connection.prepare('SELECT sourcePath, contentHash, glossaryVersion FROM "Answer" WHERE unpublishedAt IS NULL').all() as StoredRow[]
    const glossary = connection.prepare('SELECT sourcePath, contentHash, NULL AS glossaryVersion FROM "GlossaryTerm" WHERE unpublishedAt IS NULL').all() as StoredRow[]
    const answerFiles = sources.filter((source) => source.kind === 'answer')
    const glossaryFiles = sources.filter((source) => source.kind === 'glossary')
    const linkedAgainstOneGlossary = new Set(answers.map((row) => row.glossaryVersion)).size <= 1
    if (!linkedAgainstOneGlossary || !sameFiles(answerFiles, answers) || !sameFiles(glossaryFiles, glossary)) return null
    return { answers: allUnchanged(answerFiles.length), glossary: allUnchanged(glossaryFiles.length) }
  } catch {
    return null // not a SQLite file, locked, an older schema: the full pipeline reports it properly
  } finally {
    connection?.close()
  }
}

function sameFiles(files: SourceFile[], rows: StoredRow[]): boolean {
  const stored = new Map(rows.map((row) => [row.sourcePath, row.contentHash]))
  return stored.size === rows.length && rows.length === files.length && files.every((source) => stored.get(source.relPath) === source.hash)
}

const allUnchanged = (total: number): IngestCounts => ({ ...emptyCounts(), total, unchanged: total })
