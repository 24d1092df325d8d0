import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { BackupFailure } from '@/lib/backup/backup-file'
import { checkSqliteFile, inspectSqliteTarget } from '@/lib/backup/sqlite-check'
import { copySqliteOnline } from '@/lib/backup/sqlite-backup'
import { moveIntoPlace, replaceInPlace } from '@/lib/backup/sqlite-swap'
import { countSqliteRows, formatCounts, hasContent } from '@/lib/backup/table-counts'
import type { RestoreOptions, RestoreResult } from '@/lib/backup/restore-result'
import { redactUrl, sqlitePathFromUrl } from '@/lib/db-url'
import { migrationsAreApplied } from '@/lib/migrate/applied'
import { deployMigrations } from '@/lib/migrate/migrations'
import { migrationsDirs } from '@/lib/migrate/schema-variant.mjs'

/**
 * Checks the backup, refuses to replace content without `yes`, then works on a copy next to the store: the
 * migration runner brings the copy up to this version's schema, and only then does it replace the store
 * (lib/backup/sqlite-swap.ts). Any failure before that last step leaves the store as it was.
 */
export async function restoreSqlite({ databaseUrl, file, yes, migrationsDir = migrationsDirs.sqlite }: RestoreOptions): Promise<RestoreResult> {
  const problem = checkSqliteFile(file, migrationsDir)
  if (problem) return { ok: false, message: `${problem}; nothing was changed` }
  const targetFile = path.resolve(sqlitePathFromUrl(databaseUrl))
  const target = inspectSqliteTarget(targetFile)
  const where = `DATABASE_URL ${redactUrl(databaseUrl)}`
  if (!yes && target.state === 'unreadable') {
    return { ok: false, message: `${where} is not a readable database (${target.reason}); run again with --yes to replace it with ${file}` }
  }
  if (!yes && target.state === 'readable' && hasContent(target.counts)) {
    return { ok: false, message: `${where} has content the restore would replace (${formatCounts(target.counts)}); run again with --yes to replace it` }
  }

  mkdirSync(path.dirname(targetFile), { recursive: true })
  // Beside the store, so the final move is a rename within one file system.
  const staged = path.join(path.dirname(targetFile), `.${path.basename(targetFile)}.restore-${process.pid}`)
  try {
    await stageCopy(file, staged)
    const applied = await migrateStaged(staged, migrationsDir).catch((error: unknown) => {
      throw new BackupFailure(`cannot migrate the backup to this version (${messageOf(error)}); nothing was changed`, { cause: error })
    })
    if (target.state === 'readable') replaceInPlace(targetFile, staged)
    else moveIntoPlace(targetFile, staged)
    const restored = new Database(targetFile, { fileMustExist: true, timeout: 5000 })
    try {
      return { ok: true, replaced: target.state === 'readable' ? target.counts : null, counts: countSqliteRows(restored), applied }
    } finally {
      restored.close()
    }
  } finally {
    for (const leftover of [staged, `${staged}-journal`, `${staged}-wal`, `${staged}-shm`]) rmSync(leftover, { force: true })
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** A private copy of the backup (it stays untouched) in rollback-journal mode: one file, nothing beside it. */
async function stageCopy(file: string, staged: string): Promise<void> {
  const source = new Database(file, { readonly: true, fileMustExist: true })
  try {
    await copySqliteOnline(source, staged)
  } finally {
    source.close()
  }
}

/** Pending migrations applied to the copy; the schema engine starts only when some are pending. */
async function migrateStaged(staged: string, migrationsDir: string): Promise<string[]> {
  const connection = new Database(staged, { fileMustExist: true })
  const upToDate = (() => {
    try {
      return migrationsAreApplied(connection, migrationsDir)
    } finally {
      connection.close()
    }
  })()
  return upToDate ? [] : deployMigrations({ databaseUrl: `file:${staged}`, migrationsDir })
}
