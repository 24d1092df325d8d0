import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { emptyCounts, type IngestCounts } from '@/lib/content/ingest-counts'
import { listContentFiles, loadSourceFile, type SourceFile } from '@/lib/content/load'
import { providerOf, sqlitePathFromUrl } from '@/lib/db-url'
import { appliedMigrationsSql, appliedRowsMatch, migrationsAreApplied, type AppliedRow } from '@/lib/migrate/applied'
import { migrationsDirs } from '@/lib/migrate/schema-variant.mjs'

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
 * was stored), so its counts are known. Works on both providers (one SQLite read, or one PostgreSQL snapshot).
 * Anything unusual (no file or server yet, pending migrations, a file that does not load) returns null and the full pipeline decides, with its own messages.
 */
export async function detectUnchangedContent(contentDir: string, databaseUrl: string): Promise<{ answers: IngestCounts; glossary: IngestCounts } | null> {
  const provider = providerOf(databaseUrl)
  if (provider === 'sqlite' && !isFile(path.resolve(sqlitePathFromUrl(databaseUrl)))) return null

  const sources: SourceFile[] = []
  for (const relPath of await listContentFiles(contentDir)) {
    const loaded = loadSourceFile(contentDir, relPath)
    if (!loaded.ok) return null
    sources.push(loaded.value)
  }

  const stored = provider === 'sqlite' ? readSqlite(path.resolve(sqlitePathFromUrl(databaseUrl))) : await readPostgres(databaseUrl)
  if (!stored) return null
  const { answers, glossary } = stored
  const answerFiles = sources.filter((source) => source.kind === 'answer')
  const glossaryFiles = sources.filter((source) => source.kind === 'glossary')
  const linkedAgainstOneGlossary = new Set(answers.map((row) => row.glossaryVersion)).size <= 1
  if (!linkedAgainstOneGlossary || !sameFiles(answerFiles, answers) || !sameFiles(glossaryFiles, glossary)) return null
  return { answers: allUnchanged(answerFiles.length), glossary: allUnchanged(glossaryFiles.length) }
}

const answersSql = 'SELECT "sourcePath", "contentHash", "glossaryVersion" FROM "Answer" WHERE "unpublishedAt" IS NULL'
const glossarySql = 'SELECT "sourcePath", "contentHash", NULL AS "glossaryVersion" FROM "GlossaryTerm" WHERE "unpublishedAt" IS NULL'

const isFile = (file: string) => existsSync(file) && statSync(file).isFile()

function readSqlite(file: string): StoredRows | null {
  let connection: Database.Database | undefined
  try {
    // Read-write but read-only in practice: a read-only handle would leave -wal/-shm files behind.
    connection = new Database(file, { fileMustExist: true })
    if (!migrationsAreApplied(connection)) return null
    return { answers: connection.prepare(answersSql).all() as StoredRow[], glossary: connection.prepare(glossarySql).all() as StoredRow[] }
  } catch {
    return null // not a SQLite file, locked, an older schema: the full pipeline reports it properly
  } finally {
    connection?.close()
  }
}

// One connection, one snapshot (REPEATABLE READ): the migrations and both tables as of the same moment.
async function readPostgres(databaseUrl: string): Promise<StoredRows | null> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    const applied = await client.query<AppliedRow>(appliedMigrationsSql)
    if (!appliedRowsMatch(applied.rows, migrationsDirs.postgresql)) return null
    const answers = await client.query<StoredRow>(answersSql)
    const glossary = await client.query<StoredRow>(glossarySql)
    await client.query('COMMIT')
    return { answers: answers.rows, glossary: glossary.rows }
  } catch {
    return null // server down, no tables yet: the full pipeline reports it properly
  } finally {
    await client.end().catch(() => {})
  }
}

interface StoredRows {
  answers: StoredRow[]
  glossary: StoredRow[]
}

function sameFiles(files: SourceFile[], rows: StoredRow[]): boolean {
  const stored = new Map(rows.map((row) => [row.sourcePath, row.contentHash]))
  return stored.size === rows.length && rows.length === files.length && files.every((source) => stored.get(source.relPath) === source.hash)
}

const allUnchanged = (total: number): IngestCounts => ({ ...emptyCounts(), total, unchanged: total })
