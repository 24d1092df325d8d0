import { renameSync, rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import { z } from 'zod'
import { BackupFailure } from '@/lib/backup/backup-file'

const schemaRows = z.array(z.object({ type: z.string(), name: z.string(), sql: z.string() }))
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * Makes the live store at `target` hold exactly what `staged` holds, in one write transaction on the target
 * itself. Not a rename over the file: processes that have the store open (the site) would keep reading the old,
 * unlinked file, and their -wal/-shm files, found by name, would be paired with the new one and corrupt it.
 * Inside a transaction, readers keep their snapshot until the commit, writers wait on the lock, and a failure at
 * any point rolls back to the old rows.
 */
export function replaceInPlace(target: string, staged: string): void {
  const connection = new Database(target, { fileMustExist: true, timeout: 10_000 })
  try {
    // Rows are copied table by table, so references point at rows not yet copied; checked before the commit.
    connection.pragma('foreign_keys = OFF')
    // better-sqlite3 opens in defensive mode, which forbids writing FTS5 shadow tables: their rows are copied below.
    connection.unsafeMode(true)
    connection.prepare('ATTACH DATABASE ? AS restored').run(staged)
    const incoming = schemaRows.parse(
      connection.prepare(`SELECT type, name, sql FROM restored.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'`).all(),
    )
    const outgoing = schemaRows.parse(
      connection.prepare(`SELECT type, name, sql FROM main.sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'`).all(),
    )
    // FTS5 tables (the search index) keep their rows in shadow tables that CREATE VIRTUAL TABLE makes and DROP
    // removes: those are never created or dropped here, only their rows copied (the index and its settings, verbatim).
    const kinds = (schema: string) => new Map(z.array(z.object({ name: z.string(), type: z.string() })).parse(connection.prepare(`PRAGMA ${schema}.table_list`).all()).map((t) => [t.name, t.type]))
    const [incomingKinds, outgoingKinds] = [kinds('restored'), kinds('main')]
    const hasSequence = (schema: string) => connection.prepare(`SELECT 1 FROM ${schema}.sqlite_master WHERE name = 'sqlite_sequence'`).get() !== undefined
    const swap = connection.transaction(() => {
      // Dropping a table drops its indexes and triggers with it.
      for (const object of outgoing.filter((item) => outgoingKinds.get(item.name) !== 'shadow')) connection.exec(`DROP ${object.type === 'view' ? 'VIEW' : 'TABLE'} main.${quoted(object.name)}`)
      const tables = incoming.filter((object) => object.type === 'table')
      for (const table of tables.filter((item) => incomingKinds.get(item.name) !== 'shadow')) connection.exec(table.sql) // unqualified CREATE lands in main
      for (const table of tables.filter((item) => incomingKinds.get(item.name) !== 'virtual')) {
        if (incomingKinds.get(table.name) === 'shadow') connection.exec(`DELETE FROM main.${quoted(table.name)}`)
        connection.exec(`INSERT INTO main.${quoted(table.name)} SELECT * FROM restored.${quoted(table.name)}`)
      }
      // Indexes after the rows (one build instead of an update per row), then triggers and views.
      for (const object of incoming.filter((item) => item.type !== 'table')) connection.exec(object.sql)
      // AUTOINCREMENT's high-water marks, which can be above the largest id (deleted rows).
      if (hasSequence('main')) connection.exec('DELETE FROM main.sqlite_sequence')
      if (hasSequence('restored')) connection.exec('INSERT INTO main.sqlite_sequence SELECT * FROM restored.sqlite_sequence')
      const dangling = connection.prepare('PRAGMA main.foreign_key_check').all()
      if (dangling.length > 0) throw new BackupFailure(`the restored rows break ${dangling.length} foreign key reference(s); nothing was changed`)
    })
    swap.immediate()
    connection.exec('DETACH DATABASE restored')
  } catch (error) {
    if (error instanceof BackupFailure) throw error
    const busy = typeof error === 'object' && error !== null && 'code' in error && String(error.code).startsWith('SQLITE_BUSY')
    const reason = busy ? 'another writer (an ingest?) kept the store locked for 10 s' : error instanceof Error ? error.message : String(error)
    throw new BackupFailure(`the restore did not go through (${reason}); nothing was changed`, { cause: error })
  } finally {
    connection.close()
  }
}

/**
 * For a target that is missing or that SQLite cannot read (nothing can be using it meaningfully): the staged
 * file takes its name. Its -wal and -shm files go first, so no one can replay the old log onto the new file.
 */
export function moveIntoPlace(target: string, staged: string): void {
  for (const stale of [`${target}-wal`, `${target}-shm`, `${target}-journal`]) rmSync(stale, { force: true })
  renameSync(staged, target)
}
