import Database from 'better-sqlite3'
import { z } from 'zod'

/** Columns that only record when a write happened; a state compared across two runs ignores their values. */
const timeColumns: Record<string, readonly string[]> = {
  Answer: ['ingestedAt', 'unpublishedAt'],
  GlossaryTerm: ['unpublishedAt'],
  IngestState: ['updatedAt'],
}

const rowSchema = z.record(z.string(), z.unknown())

/**
 * Every row of every table (sqlite_sequence included), each table's rows sorted, read through a fresh read-write
 * connection (as the next ingest would open it, so a leftover WAL is recovered). With `ignoreTimes`, time columns
 * become "set" or null.
 */
export function dumpStore(file: string, { ignoreTimes = false } = {}): Record<string, string[]> {
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
