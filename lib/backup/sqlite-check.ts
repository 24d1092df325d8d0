import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import { z } from 'zod'
import { describeContentsProblem } from '@/lib/backup/backup-contents'
import { BackupFailure } from '@/lib/backup/backup-file'
import { countSqliteRows, type TableCounts } from '@/lib/backup/table-counts'
import { migrationsDirs } from '@/lib/migrate/schema-variant.mjs'

const strings = z.array(z.string())
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * Undefined when `file` is a sound SQLite copy of an Ask-KB store; otherwise the problem in one line: SQLite's
 * own integrity check first (a damaged page anywhere), then the tables and, unless `migrationsDir` is null (a
 * backup copies whatever version the store is at), whether this version knows every recorded migration.
 */
export function checkSqliteFile(file: string, migrationsDir: string | null = migrationsDirs.sqlite): string | undefined {
  let connection: Database.Database | undefined
  try {
    connection = new Database(file, { readonly: true, fileMustExist: true })
    const integrity = strings.parse(connection.prepare('PRAGMA integrity_check').pluck().all())
    if (integrity.join() !== 'ok') return `${file} is damaged (SQLite integrity check: ${integrity.slice(0, 3).join('; ')})`
    const tables = strings.parse(connection.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all())
    const recorded = tables.includes('_prisma_migrations')
      ? strings.parse(connection.prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').pluck().all())
      : []
    return describeContentsProblem(file, tables, recorded, migrationsDir)
  } catch (error) {
    return `${file} is not a readable SQLite database (${messageOf(error)})`
  } finally {
    connection?.close()
  }
}

export type SqliteTarget = { state: 'missing' } | { state: 'unreadable'; reason: string } | { state: 'readable'; counts: TableCounts }

/** What a restore would replace at `file`: nothing, a file SQLite cannot read, or these rows. */
export function inspectSqliteTarget(file: string): SqliteTarget {
  if (!existsSync(file)) return { state: 'missing' }
  let connection: Database.Database | undefined
  try {
    // Read-write on purpose: a read-only handle on a WAL store leaves its -wal/-shm files behind.
    connection = new Database(file, { fileMustExist: true, timeout: 5000 })
    return { state: 'readable', counts: countSqliteRows(connection) }
  } catch (error) {
    // Only a damaged file counts as replaceable without reading it; locked or forbidden is the operator's to fix.
    if (isDamage(error)) return { state: 'unreadable', reason: messageOf(error) }
    throw new BackupFailure(`cannot open the database ${file}: ${messageOf(error)}`, { cause: error })
  } finally {
    connection?.close()
  }
}

function isDamage(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
  return code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')
}
