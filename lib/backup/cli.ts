// `npm run db:backup [-- --out=FILE]` writes a consistent copy of the store while the site serves;
// `npm run db:restore FILE [-- --yes]` checks a backup and puts it back, then migrates it to this version.
import { mkdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { BackupFailure, checkOutputFree, defaultBackupPath, describeKindMismatch, formatBytes, writeThroughPartialFile } from '@/lib/backup/backup-file'
import { parseBackupArgs, parseRestoreArgs } from '@/lib/backup/cli-args'
import { backupPostgres } from '@/lib/backup/postgres-backup'
import { restorePostgres } from '@/lib/backup/postgres-restore'
import type { RestoreResult } from '@/lib/backup/restore-result'
import { backupSqlite } from '@/lib/backup/sqlite-backup'
import { restoreSqlite } from '@/lib/backup/sqlite-restore'
import { formatCountLines, formatCounts } from '@/lib/backup/table-counts'
import { describeInternalError } from '@/lib/content/internal-error'
import { providerOf, redactUrl } from '@/lib/db-url'
import { env } from '@/lib/env'
import { exitWhenFlushed } from '@/lib/exit-when-flushed'

const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(2)} s`

async function runBackup(argv: readonly string[]): Promise<number> {
  const parsed = parseBackupArgs(argv)
  if (!parsed.ok) {
    console.error(parsed.message)
    return 1
  }
  const started = performance.now()
  const provider = providerOf(env.DATABASE_URL)
  const out = parsed.args.out ?? defaultBackupPath(provider, new Date())
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true })
  checkOutputFree(out)
  const counts = await writeThroughPartialFile(out, (partial) =>
    provider === 'sqlite' ? backupSqlite(env.DATABASE_URL, partial) : backupPostgres(env.DATABASE_URL, partial),
  )
  console.log(`Backed up ${redactUrl(env.DATABASE_URL)} to ${out} (${formatBytes(statSync(out).size)}) in ${seconds(started)}`)
  console.log('Rows per table:')
  for (const line of formatCountLines(counts)) console.log(line)
  return 0
}

async function runRestore(argv: readonly string[]): Promise<number> {
  const parsed = parseRestoreArgs(argv)
  if (!parsed.ok) {
    console.error(parsed.message)
    return 1
  }
  const started = performance.now()
  const { file, yes } = parsed.args
  const provider = providerOf(env.DATABASE_URL)
  const mismatch = describeKindMismatch(file, provider)
  if (mismatch) {
    console.error(mismatch)
    return 1
  }
  const options = { databaseUrl: env.DATABASE_URL, file, yes }
  const result: RestoreResult = provider === 'sqlite' ? await restoreSqlite(options) : await restorePostgres(options)
  if (!result.ok) {
    console.error(result.message)
    return 1
  }
  console.log(`Restored ${file} into ${redactUrl(env.DATABASE_URL)} in ${seconds(started)}`)
  console.log(result.replaced ? `Replaced: ${formatCounts(result.replaced)}` : 'Replaced: no readable database was there')
  console.log(result.applied.length > 0 ? `Migrated the backup to this version: ${result.applied.join(', ')}` : 'The backup already had every migration.')
  console.log('Rows per table now:')
  for (const line of formatCountLines(result.counts)) console.log(line)
  return 0
}

const [command, ...rest] = process.argv.slice(2)
const run = command === 'backup' ? runBackup(rest) : command === 'restore' ? runRestore(rest) : Promise.reject(new BackupFailure('usage: cli.ts backup [--out=FILE] | cli.ts restore FILE [--yes]'))
run.then(exitWhenFlushed, (error: unknown) => {
  console.error(error instanceof BackupFailure ? error.message : describeInternalError(error))
  exitWhenFlushed(1)
})
