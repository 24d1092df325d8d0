import type { Database } from 'better-sqlite3'
import type pg from 'pg'
import { z } from 'zod'

/** Rows per table, tables sorted by name. */
export type TableCounts = Record<string, number>

const names = z.array(z.string())
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`

export function countSqliteRows(connection: Database, schema = 'main'): TableCounts {
  // Not FTS5's shadow tables: their rows are the search index's storage, counted as the index table's rows.
  const tables = names.parse(
    connection.prepare(`SELECT name FROM pragma_table_list WHERE schema = ? AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all(schema),
  )
  const counts: TableCounts = {}
  for (const table of tables) counts[table] = Number(connection.prepare(`SELECT count(*) FROM ${schema}.${quoted(table)}`).pluck().get())
  return counts
}

/** Every table of the public schema (Ask-KB keeps all of its tables there), in the client's current snapshot. */
export async function countPostgresRows(client: pg.Client): Promise<TableCounts> {
  const tables = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename COLLATE "C"`)
  const counts: TableCounts = {}
  for (const { name } of tables.rows) {
    const result = await client.query<{ count: string }>(`SELECT count(*) AS count FROM public.${quoted(name)}`)
    counts[name] = Number(result.rows[0]?.count ?? 0)
  }
  return counts
}

/** Content a restore would replace: any row outside the migrations table (which every migrated store has). */
export function hasContent(counts: TableCounts): boolean {
  return Object.entries(counts).some(([table, count]) => table !== '_prisma_migrations' && count > 0)
}

/** "Answer 15, AnswerTag 42, …": the tables that have rows. */
export function formatCounts(counts: TableCounts): string {
  const entries = Object.entries(counts).filter(([, count]) => count > 0)
  return entries.length === 0 ? 'no rows' : entries.map(([table, count]) => `${table} ${count}`).join(', ')
}

/** One table per line, counts aligned, for the report after a backup or restore. */
export function formatCountLines(counts: TableCounts): string[] {
  const width = Math.max(0, ...Object.keys(counts).map((table) => table.length))
  return Object.entries(counts).map(([table, count]) => `  ${table.padEnd(width)}  ${count}`)
}
