import Database from 'better-sqlite3'
import { BackupFailure } from '@/lib/backup/backup-file'

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
