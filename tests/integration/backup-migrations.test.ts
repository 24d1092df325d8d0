import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { restorePostgres } from '@/lib/backup/postgres-restore'
import { restoreSqlite } from '@/lib/backup/sqlite-restore'
import { deployMigrations, migrationsDirFor } from '@/lib/migrate/migrations'
import { runBackupCli } from '@/tests/helpers/backup-cli'
import { createFilledStore } from '@/tests/helpers/backup-store'
import { dumpStore } from '@/tests/helpers/store-dump'
import type { TempDb } from '@/tests/helpers/temp-db'
import { onPostgres } from '@/tests/helpers/test-database'

// Backups of other schema versions. "This version" is played by the real migration chain plus one migration
// that only this test has (it adds a table), so both providers can have a backup one migration behind.

const probeMigration = '20991231000000_backup_probe'

/** The URL's real migrations folder, copied, plus the probe migration. */
function chainWithProbe(dir: string, url: string): string {
  const chain = path.join(dir, 'migrations-with-probe')
  cpSync(migrationsDirFor(url), chain, { recursive: true })
  mkdirSync(path.join(chain, probeMigration))
  writeFileSync(path.join(chain, probeMigration, 'migration.sql'), 'CREATE TABLE "BackupProbe" ("id" INTEGER NOT NULL PRIMARY KEY);\n')
  return chain
}

const restore = onPostgres ? restorePostgres : restoreSqlite
const except = (dump: Record<string, string[]>, tables: readonly string[]) => Object.fromEntries(Object.entries(dump).filter(([table]) => !tables.includes(table)))

describe('backups of other schema versions', () => {
  let temp: TempDb
  let backupFile: string
  beforeEach(async () => {
    temp = await createFilledStore()
    backupFile = path.join(temp.dir, onPostgres ? 'store.dump' : 'store-backup.db')
  }, 60_000)
  afterEach(async () => temp.cleanup())

  it('an older backup is migrated to this version, over a store that already has the newer table', async () => {
    const atBackup = await dumpStore(temp.url)
    expect((await runBackupCli('backup', [`--out=${backupFile}`], temp.url)).code).toBe(0)
    // The store moves on to "this version": the probe table exists and has a row.
    const chain = chainWithProbe(temp.dir, temp.url)
    await temp.db.$disconnect() // the schema engine wants the SQLite file to itself; the client reconnects on use
    expect(await deployMigrations({ databaseUrl: temp.url, migrationsDir: chain })).toEqual([probeMigration])
    await temp.db.$executeRawUnsafe('INSERT INTO "BackupProbe" ("id") VALUES (1)')

    const result = await restore({ databaseUrl: temp.url, file: backupFile, yes: true, migrationsDir: chain })
    expect(result).toMatchObject({ ok: true, applied: [probeMigration] })
    const after = await dumpStore(temp.url)
    // The probe table was made again by its migration (empty); everything else is the backup's.
    expect(after.BackupProbe).toEqual([])
    expect(except(after, ['BackupProbe', '_prisma_migrations'])).toEqual(except(atBackup, ['_prisma_migrations']))
    expect(after._prisma_migrations).toHaveLength((atBackup._prisma_migrations?.length ?? 0) + 1)
    // Up to date now: a second deploy of the chain has nothing to do.
    await temp.db.$disconnect()
    expect(await deployMigrations({ databaseUrl: temp.url, migrationsDir: chain })).toEqual([])
  }, 60_000)

  it('a backup made by a newer version (a migration unknown here) is refused before anything changes', async () => {
    await temp.db.$disconnect() // the schema engine wants the SQLite file to itself; the client reconnects on use
    await deployMigrations({ databaseUrl: temp.url, migrationsDir: chainWithProbe(temp.dir, temp.url) })
    const backup = await runBackupCli('backup', [`--out=${backupFile}`], temp.url)
    expect(backup.code, backup.stderr).toBe(0)
    await temp.db.viewMark.create({ data: { hash: 'mark-after', day: '2026-12-03' } })
    const before = await dumpStore(temp.url)
    const result = await runBackupCli('restore', [backupFile, '--yes'], temp.url)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      `${backupFile} was made by a newer version of Ask-KB (migration ${probeMigration} unknown here): restore it with that version; nothing was changed\n`,
    )
    expect(await dumpStore(temp.url)).toEqual(before)
  }, 60_000)
})
