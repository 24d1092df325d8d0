import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { migrationsAreApplied } from '@/lib/migrate/applied'
import { deployMigrations } from '@/lib/migrate/migrations'
import { runBackupCli } from '@/tests/helpers/backup-cli'
import { createFilledStore } from '@/tests/helpers/backup-store'
import { describeSqliteOnly } from '@/tests/helpers/sqlite-only'
import { dumpStore } from '@/tests/helpers/store-dump'
import type { TempDb } from '@/tests/helpers/temp-db'

/**
 * Another process holding a lock on `file` while it writes a row: EXCLUSIVE locks readers out in rollback-journal
 * mode; IMMEDIATE is a writer's lock (an ingest's), which in WAL mode blocks only other writers.
 */
async function holdLock(file: string, kind: 'EXCLUSIVE' | 'IMMEDIATE', holdMs: number): Promise<{ released: Promise<void> }> {
  const script = `const db = new (require('better-sqlite3'))(${JSON.stringify(file)}); db.exec('BEGIN ${kind}');
    db.prepare("INSERT INTO ViewMark (hash, day) VALUES ('written-under-lock', 'x')").run(); console.log('locked');
    setTimeout(() => { db.exec('COMMIT'); db.close() }, ${holdMs})`
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'], timeout: holdMs + 10_000 })
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve())
    child.once('error', reject)
  })
  return { released: new Promise((resolve) => child.once('close', () => resolve())) }
}

describeSqliteOnly('db:backup and db:restore on SQLite files', 'journal modes, file locks and damaged files are SQLite matters', () => {
  let temp: TempDb
  let backupFile: string
  beforeEach(async () => {
    temp = await createFilledStore()
    backupFile = path.join(temp.dir, 'store-backup.db')
  }, 60_000)
  afterEach(async () => temp.cleanup())

  it('waits for a writer that locks readers out (rollback-journal store) instead of writing an empty or stale copy', async () => {
    await temp.db.$disconnect()
    new Database(temp.file).pragma('journal_mode = DELETE')
    const lock = await holdLock(temp.file, 'EXCLUSIVE', 1500)
    const backup = await runBackupCli('backup', [`--out=${backupFile}`], temp.url)
    await lock.released
    expect(backup.code, backup.stderr).toBe(0)
    const copy = new Database(backupFile, { readonly: true })
    expect(copy.prepare("SELECT count(*) FROM ViewMark WHERE hash = 'written-under-lock'").pluck().get()).toBe(1)
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    copy.close()
    // Self-contained: one file, nothing left beside it (no -wal/-shm/-journal, no partial file).
    expect(readdirSync(temp.dir).filter((name) => name.includes('store-backup'))).toEqual(['store-backup.db'])
  }, 60_000)

  it('a restore waits for a writer holding the store, then replaces what it wrote', async () => {
    const atBackup = await dumpStore(temp.url)
    expect((await runBackupCli('backup', [`--out=${backupFile}`], temp.url)).code).toBe(0)
    const lock = await holdLock(temp.file, 'IMMEDIATE', 1500)
    const restored = await runBackupCli('restore', [backupFile, '--yes'], temp.url)
    await lock.released
    expect(restored.code, restored.stderr).toBe(0)
    expect(await dumpStore(temp.url)).toEqual(atBackup)
  }, 60_000)

  it('replaces a file that is not a database only with --yes, with the stale -wal/-shm beside it', async () => {
    const atBackup = await dumpStore(temp.url)
    expect((await runBackupCli('backup', [`--out=${backupFile}`], temp.url)).code).toBe(0)
    const brokenDir = mkdtempSync(path.join(tmpdir(), 'ask-kb-broken-'))
    const broken = path.join(brokenDir, 'kb.db')
    for (const suffix of ['', '-wal', '-shm']) writeFileSync(`${broken}${suffix}`, 'these bytes are not SQLite at all, just text '.repeat(200))
    try {
      const refused = await runBackupCli('restore', [backupFile], `file:${broken}`)
      expect(refused.code).toBe(1)
      expect(refused.stderr).toBe(`DATABASE_URL file:${broken} is not a readable database (file is not a database); run again with --yes to replace it with ${backupFile}\n`)
      const restored = await runBackupCli('restore', [backupFile, '--yes'], `file:${broken}`)
      expect(restored.code, restored.stderr).toBe(0)
      expect(restored.stdout).toContain('Replaced: no readable database was there')
      expect(await dumpStore(broken)).toEqual(atBackup)
      expect(readdirSync(brokenDir)).toEqual(['kb.db'])
    } finally {
      rmSync(brokenDir, { recursive: true, force: true })
    }
  }, 60_000)

  it('a backup from an earlier real migration level is brought up to the current schema', async () => {
    const chain = path.join(temp.dir, 'first-three')
    mkdirSync(chain)
    const real = readdirSync('prisma/migrations').filter((name) => /^\d{14}_/.test(name)).sort()
    for (const name of real.slice(0, 3)) cpSync(path.join('prisma/migrations', name), path.join(chain, name), { recursive: true })
    cpSync('prisma/migrations/migration_lock.toml', path.join(chain, 'migration_lock.toml'))
    const old = path.join(temp.dir, 'old.db')
    await deployMigrations({ databaseUrl: `file:${old}`, migrationsDir: chain })
    new Database(old).exec(`INSERT INTO Category (slug, name) VALUES ('kept', 'Kept')`)
    expect((await runBackupCli('backup', [`--out=${backupFile}`], `file:${old}`)).code).toBe(0)

    const target = path.join(temp.dir, 'restored', 'kb.db')
    const restored = await runBackupCli('restore', [backupFile], `file:${target}`)
    expect(restored.code, restored.stderr).toBe(0)
    expect(restored.stdout).toContain(`Migrated the backup to this version: ${real.slice(3).join(', ')}\n`)
    const db = new Database(target, { readonly: true })
    expect(migrationsAreApplied(db)).toBe(true)
    expect(db.prepare('SELECT name FROM Category').pluck().all()).toEqual(['Kept'])
    db.close()
    expect(existsSync(`${target}-journal`)).toBe(false)
  }, 60_000)
})
