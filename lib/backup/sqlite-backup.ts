import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { BackupFailure } from '@/lib/backup/backup-file'
import { checkSqliteFile } from '@/lib/backup/sqlite-check'
import { countSqliteRows, type TableCounts } from '@/lib/backup/table-counts'
import { redactUrl, sqlitePathFromUrl } from '@/lib/db-url'

/**
 * Backs up the store while the site reads and an ingest writes (SQLite's online backup API: one snapshot), then
 * checks the copy as a restore would before it counts as written. Returns the rows per table of the copy.
 */
export async function backupSqlite(databaseUrl: string, destination: string): Promise<TableCounts> {
  const file = path.resolve(sqlitePathFromUrl(databaseUrl))
  if (!existsSync(file)) throw new BackupFailure(`DATABASE_URL ${redactUrl(databaseUrl)}: there is no database file at ${file}, so nothing to back up`)
  if (!statSync(file).isFile()) throw new BackupFailure(`DATABASE_URL ${redactUrl(databaseUrl)} is not a file (it should name a SQLite database file)`)
  let source: Database.Database | undefined
  try {
    source = new Database(file, { fileMustExist: true, timeout: 5000 })
    await copySqliteOnline(source, destination)
  } catch (error) {
    if (error instanceof BackupFailure) throw error
    throw new BackupFailure(`cannot back up ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  } finally {
    source?.close()
  }
  const problem = checkSqliteFile(destination, null)
  if (problem) throw new BackupFailure(`the backup of ${file} did not pass its check: ${problem}`)
  const copy = new Database(destination, { readonly: true, fileMustExist: true })
  try {
    return countSqliteRows(copy)
  } finally {
    copy.close()
  }
}

// How long a copy waits for a writer that locks readers out (only a rollback-journal store does; in WAL mode,
// the mode Ask-KB sets, readers and the one writer never block each other).
const busyWaitMs = 10_000
// Pages per backup step: all of them at once. SQLite restarts a backup whose source changed between steps, so
// with an ingest or view counter writing, many small steps might never finish; one step reads one snapshot.
const allPagesAtOnce = 0x7fffffff

/**
 * Copies the open database `source` to the new file `destination` with SQLite's online backup API: one
 * consistent snapshot while other connections read and write. The copy is then made self-contained (rollback
 * journal mode: a WAL source's copy would otherwise be a WAL database, needing -wal/-shm files beside it).
 */
export async function copySqliteOnline(source: Database.Database, destination: string): Promise<void> {
  const deadline = Date.now() + busyWaitMs
  for (;;) {
    const progress = await source.backup(destination, { progress: () => allPagesAtOnce })
    // better-sqlite3 reports a first step that found the source locked (SQLITE_BUSY) as a finished backup of
    // zero pages and removes the empty file; every real database has at least one page, so zero means "again".
    if (progress.totalPages > 0 && progress.remainingPages === 0) break
    if (Date.now() > deadline) throw new BackupFailure(`the database stayed locked for ${busyWaitMs / 1000} s; try again when the writer is done`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const copy = new Database(destination, { fileMustExist: true })
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
}
