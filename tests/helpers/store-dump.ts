import Database from 'better-sqlite3'
import pg from 'pg'
import { z } from 'zod'

/** Columns that only record when a write happened; a state compared across two runs ignores their values. */
const timeColumns: Record<string, readonly string[]> = {
  Answer: ['ingestedAt', 'unpublishedAt'],
  GlossaryTerm: ['unpublishedAt'],
  IngestState: ['updatedAt'],
}

const rowSchema = z.record(z.string(), z.unknown())

/**
 * Every row of every table (sqlite_sequence included; or, given a PostgreSQL URL, its tables), each table's rows sorted, read through a fresh read-write
 * connection (as the next ingest would open it, so a leftover WAL is recovered). With `ignoreTimes`, time columns
 * become "set" or null.
 */
export async function dumpStore(fileOrUrl: string, options: { ignoreTimes?: boolean } = {}): Promise<Record<string, string[]>> {
  return /^postgres(ql)?:\/\//.test(fileOrUrl) ? dumpPostgres(fileOrUrl, options) : dumpSqlite(fileOrUrl.replace(/^file:/, ''), options)
}

/**
 * The same on PostgreSQL: every table of the public schema. Not the serial sequences: PostgreSQL never rolls them
 * back (by design, so concurrent inserts need not wait), so a rolled-back ingest leaves them advanced.
 */
async function dumpPostgres(url: string, { ignoreTimes = false }: { ignoreTimes?: boolean }): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const tables = await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`)
    const dump: Record<string, string[]> = {}
    for (const { name } of tables.rows) {
      const rows = z.array(rowSchema).parse((await client.query(`SELECT * FROM "${name}"`)).rows)
      dump[name] = rows.map((row) => JSON.stringify(ignoreTimes ? blankTimes(name, row) : row, bigintAsString)).sort()
    }
    return dump
  } finally {
    await client.end()
  }
}

function dumpSqlite(file: string, { ignoreTimes = false }: { ignoreTimes?: boolean }): Record<string, string[]> {
  const db = new Database(file, { fileMustExist: true })
  try {
    const tables = z.array(z.string()).parse(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all())
    const dump: Record<string, string[]> = {}
    for (const table of tables) {
      const rows = z.array(rowSchema).parse(db.prepare(`SELECT * FROM "${table}"`).all())
      dump[table] = rows.map((row) => JSON.stringify(ignoreTimes ? blankTimes(table, row) : row, bigintAsString)).sort()
    }
    return dump
  } finally {
    db.close()
  }
}

/** SQLite's own verdict on the file: "ok" or the list of problems. */
export function integrityCheck(file: string): string {
  const db = new Database(file, { fileMustExist: true })
  try {
    return z.array(z.string()).parse(db.prepare('PRAGMA integrity_check').pluck().all()).join('; ')
  } finally {
    db.close()
  }
}

function blankTimes(table: string, row: Record<string, unknown>): Record<string, unknown> {
  const out = { ...row }
  for (const column of timeColumns[table] ?? []) out[column] = out[column] === null ? null : 'set'
  return out
}

const bigintAsString = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)
