import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { BackupFailure } from '@/lib/backup/backup-file'
import { checkSqliteFile } from '@/lib/backup/sqlite-check'
import { copySqliteOnline } from '@/lib/backup/sqlite-online-copy'
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
