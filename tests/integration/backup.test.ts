import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runBackupCli, startWriter } from '@/tests/helpers/backup-cli'
import { createFilledStore, readWriterRows } from '@/tests/helpers/backup-store'
import { dumpStore, integrityCheck } from '@/tests/helpers/store-dump'
import type { TempDb } from '@/tests/helpers/temp-db'
import { createPostgresDatabase, onPostgres } from '@/tests/helpers/test-database'
import { sqliteSearchShadowTables } from '@/lib/search/index-tables'

// `npm run db:backup` and `npm run db:restore` on the suite's database (SQLite files, or PostgreSQL when
// TEST_DATABASE=postgresql), through the real CLI. The restores run while the test's own client (standing in
// for the site) has the store open.

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const stackFrame = /^\s+at /m

/** Another empty database of the suite's kind: a file not yet created, or an empty PostgreSQL database. */
async function emptyTarget(temp: TempDb, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!onPostgres) return { url: `file:${path.join(temp.dir, name)}`, drop: async () => {} }
  return createPostgresDatabase({ migrated: false })
}

describe('db:backup and db:restore', () => {
  let temp: TempDb
  let backupFile: string
  beforeEach(async () => {
    temp = await createFilledStore()
    backupFile = path.join(temp.dir, onPostgres ? 'store.dump' : 'store-backup.db')
  }, 60_000)
  afterEach(async () => temp.cleanup())

  it('round-trips every row of every table, refusing to replace content without --yes', async () => {
    const atBackup = await dumpStore(temp.url)
    const backup = await runBackupCli('backup', [`--out=${backupFile}`], temp.url)
    expect(backup.code, backup.stderr).toBe(0)
    expect(backup.stdout).toMatch(new RegExp(`^Backed up .+ to ${escape(backupFile)} \\(\\d+(\\.\\d)? (B|KB|MB)\\) in \\d+\\.\\d\\d s$`, 'm'))
    for (const [table, rows] of Object.entries(atBackup)) {
      // FTS5's shadow tables are counted as their search index table.
      if (table !== 'sqlite_sequence' && !sqliteSearchShadowTables.includes(table)) expect(backup.stdout, table).toMatch(new RegExp(`^  ${table} +${rows.length}$`, 'm'))
    }

    // Changes after the backup, in every kind of table.
    const gone = await temp.db.answer.findFirstOrThrow({ orderBy: { slug: 'asc' } })
    await temp.db.answer.delete({ where: { id: gone.id } })
    await temp.db.glossaryTerm.updateMany({ where: { slug: 'vix' }, data: { short: 'Changed after the backup.' } })
    await temp.db.viewMark.create({ data: { hash: 'mark-after', day: '2026-12-03' } })
    await temp.db.rateLimit.deleteMany({})
    await temp.db.category.create({ data: { slug: 'added-later', name: 'Added later' } })
    await temp.db.ingestState.update({ where: { id: 1 }, data: { revision: { increment: 5 } } })
    const changed = await dumpStore(temp.url)
    expect(changed).not.toEqual(atBackup)

    const refused = await runBackupCli('restore', [backupFile], temp.url)
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim()).toMatch(/^DATABASE_URL .+ has content the restore would replace \(Answer \d+, AnswerSearch \d+, AnswerTag \d+, .*ViewMark 3, _prisma_migrations \d+\); run again with --yes to replace it$/)
    expect(await dumpStore(temp.url)).toEqual(changed)

    const restored = await runBackupCli('restore', [backupFile, '--yes'], temp.url)
    expect(restored.code, restored.stderr).toBe(0)
    expect(restored.stdout).toMatch(new RegExp(`^Restored ${escape(backupFile)} into .+ in \\d+\\.\\d\\d s\\nReplaced: Answer \\d+, .*\\nThe backup already had every migration.\\n`))
    expect(await dumpStore(temp.url)).toEqual(atBackup)

    // The open client sees the restored rows, and ids continue after the restored ones (sequences came back too).
    expect(await temp.db.answer.count()).toBe(atBackup.Answer?.length)
    const next = await temp.db.category.create({ data: { slug: 'after-restore', name: 'After restore' } })
    const maxRestored = Math.max(...(atBackup.Category ?? []).map((row) => (JSON.parse(row) as { id: number }).id))
    expect(next.id).toBeGreaterThan(maxRestored)
    if (!onPostgres) {
      expect(integrityCheck(temp.file)).toBe('ok')
      expect(new Database(temp.file).pragma('journal_mode', { simple: true })).toBe('wal')
    }
  }, 60_000)

  it('a backup taken while another process writes is one consistent snapshot', async () => {
    // Enough rows that the copy takes a while, so writes land before, during and after it.
    await temp.db.viewMark.createMany({ data: Array.from({ length: 20_000 }, (_, i) => ({ hash: `pad-${i}`, day: '2026-01-01' })) })
    const writer = await startWriter(temp.url)
    let backup
    let before: number
    let after: number
    try {
      before = writer.committed()
      backup = await runBackupCli('backup', [`--out=${backupFile}`], temp.url)
      after = writer.committed()
    } finally {
      await writer.stop()
    }
    expect(backup.code, backup.stderr).toBe(0)
    expect(after).toBeGreaterThan(before)

    const target = await emptyTarget(temp, 'snapshot.db')
    try {
      const restored = await runBackupCli('restore', [backupFile], target.url)
      expect(restored.code, restored.stderr).toBe(0)
      const rows = await readWriterRows(target.url)
      // Every transaction in the copy is whole: the revision it set and both of its rows, or none of them.
      expect(rows.marks).toBe(rows.revision)
      expect(rows.secrets).toBe(rows.revision)
      expect(rows.revision).toBeGreaterThan(before)
      // The printed counts are the copy's own (on PostgreSQL: counted in pg_dump's snapshot).
      expect(backup.stdout).toMatch(new RegExp(`^  ViewMark +${rows.allMarks}$`, 'm'))
      expect(backup.stdout).toMatch(new RegExp(`^  AppSecret +${rows.secrets + 1}$`, 'm'))
    } finally {
      await target.drop()
    }
  }, 60_000)

  it('writes backups/<provider>-<UTC time>.<ext> by default, never overwrites, and says what is wrong in one line', async () => {
    const started = new Date()
    const backup = await runBackupCli('backup', [], temp.url, temp.dir)
    expect(backup.code, backup.stderr).toBe(0)
    const written = new RegExp(`to (backups/${onPostgres ? 'postgresql' : 'sqlite'}-(\\d{4}-\\d\\d-\\d\\dT\\d\\d)-(\\d\\d)-(\\d\\dZ)\\.${onPostgres ? 'dump' : 'db'}) `).exec(backup.stdout)
    expect(written, backup.stdout).not.toBeNull()
    const [, relative = '', hour = '', minute = '', second = ''] = written ?? []
    expect(Math.abs(Date.parse(`${hour}:${minute}:${second}`) - started.getTime())).toBeLessThan(60_000)
    expect(statSync(path.join(temp.dir, relative)).size).toBeGreaterThan(0)

    const missingFile = path.join(temp.dir, 'none', 'kb.db')
    const cases = [
      { command: 'backup' as const, args: [`--out=${path.join(temp.dir, relative)}`], url: temp.url, message: `${path.join(temp.dir, relative)} already exists: choose another --out=FILE (a backup never overwrites a file)` },
      { command: 'backup' as const, args: [`--out=${path.join(temp.dir, 'from-missing.db')}`], url: `file:${missingFile}`, message: `DATABASE_URL file:${missingFile}: there is no database file at ${missingFile}, so nothing to back up` },
      {
        command: 'backup' as const,
        args: [`--out=${path.join(temp.dir, 'from-down.dump')}`],
        url: 'postgresql://postgres:secret@127.0.0.1:1/askkb',
        message: 'DATABASE_URL postgresql://postgres:***@127.0.0.1:1/askkb: cannot reach PostgreSQL at 127.0.0.1:1/askkb (connection refused): is the server running and the port right?',
      },
      { command: 'backup' as const, args: ['--out'], url: temp.url, message: '--out needs a file name: --out=FILE' },
      { command: 'restore' as const, args: ['a.db', '--force'], url: temp.url, message: 'unknown option --force; usage: npm run db:restore FILE [-- --yes]' },
    ]
    for (const { command, args, url, message } of cases) {
      const result = await runBackupCli(command, args, url, temp.dir)
      expect(result.code, message).toBe(1)
      expect(result.stderr).toBe(`${message}\n`)
    }
  }, 60_000)

  it('refuses a backup of the other kind, a file that is no backup, and a missing file, in one line', async () => {
    const sqliteFile = path.join(temp.dir, 'other.db')
    new Database(sqliteFile).exec('CREATE TABLE t (x)')
    const dumpLike = path.join(temp.dir, 'other.dump')
    writeFileSync(dumpLike, Buffer.concat([Buffer.from('PGDMP'), Buffer.alloc(64, 1)]))
    const notes = path.join(temp.dir, 'notes.txt')
    writeFileSync(notes, 'plain text')
    const sqliteUrl = onPostgres ? `file:${path.join(temp.dir, 'kb.db')}` : temp.url
    const postgresUrl = onPostgres ? temp.url : 'postgresql://postgres@127.0.0.1:1/unused' // the kind is checked before any connection
    const cases = [
      { file: sqliteFile, url: postgresUrl, message: `${sqliteFile} is a SQLite backup, DATABASE_URL is PostgreSQL: restore it into a SQLite database` },
      { file: dumpLike, url: sqliteUrl, message: `${dumpLike} is a PostgreSQL backup, DATABASE_URL is SQLite: restore it into a PostgreSQL database` },
      { file: notes, url: temp.url, message: `${notes} is not a backup: neither a SQLite database nor a pg_dump custom-format archive` },
      { file: path.join(temp.dir, 'missing.db'), url: temp.url, message: `backup file ${path.join(temp.dir, 'missing.db')} does not exist` },
    ]
    const before = await dumpStore(temp.url)
    for (const { file, url, message } of cases) {
      const result = await runBackupCli('restore', [file, '--yes'], url)
      expect(result.code, file).toBe(1)
      expect(result.stderr, file).toBe(`${message}\n`)
    }
    expect(await dumpStore(temp.url)).toEqual(before)
  }, 60_000)

  it('refuses a damaged backup (bytes overwritten, or cut short) and leaves the old data', async () => {
    expect((await runBackupCli('backup', [`--out=${backupFile}`], temp.url)).code).toBe(0)
    const bytes = readFileSync(backupFile)
    const overwritten = path.join(temp.dir, `overwritten-${path.basename(backupFile)}`)
    const middle = Math.floor(bytes.length / 2)
    writeFileSync(overwritten, Buffer.concat([bytes.subarray(0, middle), Buffer.alloc(8192, 0x5a), bytes.subarray(middle + 8192)]))
    const cut = path.join(temp.dir, `cut-${path.basename(backupFile)}`)
    writeFileSync(cut, bytes)
    truncateSync(cut, Math.floor(statSync(cut).size * 0.6))
    const before = await dumpStore(temp.url)
    for (const file of [overwritten, cut]) {
      const result = await runBackupCli('restore', [file, '--yes'], temp.url)
      expect(result.code, file).toBe(1)
      expect(result.stderr, file).toMatch(new RegExp(`^${escape(file)} is (damaged|not a readable (SQLite database|pg_dump archive)) \\(.+\\); nothing was changed\\n$`))
      expect(result.stderr).not.toMatch(stackFrame)
    }
    expect(await dumpStore(temp.url)).toEqual(before)
  }, 60_000)

  it('a restore that fails inside its transaction (rows that break a foreign key) leaves the old data', async () => {
    const answerTag = await temp.db.answerTag.findFirstOrThrow()
    if (onPostgres) {
      // Only a superuser can write such a row (triggers off), so the backup holds it and the restore's FK check fails.
      const client = new pg.Client({ connectionString: temp.url })
      await client.connect()
      await client.query('ALTER TABLE "AnswerTag" DISABLE TRIGGER ALL')
      await client.query('INSERT INTO "AnswerTag" ("answerId", "tagId") VALUES (999999, $1)', [answerTag.tagId])
      await client.query('ALTER TABLE "AnswerTag" ENABLE TRIGGER ALL')
      expect((await runBackupCli('backup', [`--out=${backupFile}`], temp.url)).code).toBe(0)
      await client.query('DELETE FROM "AnswerTag" WHERE "answerId" = 999999')
      await client.end()
    } else {
      expect((await runBackupCli('backup', [`--out=${backupFile}`], temp.url)).code).toBe(0)
      const copy = new Database(backupFile)
      copy.pragma('foreign_keys = OFF') // better-sqlite3 turns them on; SQLite's integrity check does not look at them
      copy.prepare('INSERT INTO AnswerTag (answerId, tagId) VALUES (999999, ?)').run(answerTag.tagId)
      copy.close()
    }
    await temp.db.viewMark.create({ data: { hash: 'mark-after', day: '2026-12-03' } })
    const before = await dumpStore(temp.url)
    const result = await runBackupCli('restore', [backupFile, '--yes'], temp.url)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      onPostgres
        ? /^psql failed: .*ERROR: +insert or update on table "AnswerTag" violates foreign key constraint "AnswerTag_answerId_fkey"\n$/
        : /^the restored rows break 1 foreign key reference\(s\); nothing was changed\n$/,
    )
    expect(await dumpStore(temp.url)).toEqual(before)
  }, 60_000)
})
