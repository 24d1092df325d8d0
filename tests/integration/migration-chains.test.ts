import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deployMigrations } from '@/lib/migrate/migrations'
import { searchIndexTables, searchTable, sqliteSearchColumns } from '@/lib/search/index-tables'
import { createPostgresDatabase, onPostgres } from '@/tests/helpers/test-database'

// Both migration chains (prisma/migrations for SQLite, prisma/migrations-postgresql) must build the same store:
// each is applied to an empty database and introspected, and the shapes compared with the types mapped. The search
// index is the one deliberate difference (an FTS5 table against a tsvector table, lib/search/index-tables.ts): it is
// left out of the table comparison and checked for what each database must have instead.

interface Column {
  name: string
  type: string
  nullable: boolean
  default: string | null
}
interface Shape {
  tables: Record<string, { columns: Column[]; primaryKey: string[]; indexes: string[]; foreignKeys: string[] }>
  /** The search index's tables, compared on their own. */
  searchTables: string[]
}

const sqliteTypes: Record<string, string> = { INTEGER: 'int', TEXT: 'text', DATETIME: 'timestamp', BOOLEAN: 'boolean', REAL: 'float' }
const postgresTypes: Record<string, string> = { integer: 'int', text: 'text', 'timestamp without time zone': 'timestamp', boolean: 'boolean', 'double precision': 'float' }
const actions: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' }

// Column order is not compared: SQLite's ALTER TABLE … ADD COLUMN appends, a fresh CREATE TABLE lists them as the
// schema does, and no query here depends on it.
const byName = (columns: Column[]) => [...columns].sort((a, b) => a.name.localeCompare(b.name))

// Prisma's SQLite engine writes every single-column Int @id as INTEGER PRIMARY KEY AUTOINCREMENT, with or without
// @default(autoincrement()) (SQLite's rowid), while PostgreSQL gets SERIAL only with the default. The difference
// SQLite cannot express is not compared: such a key's default reads "int key" on both sides.
function withIntKeys(columns: Column[], primaryKey: string[]): Column[] {
  if (primaryKey.length !== 1) return columns
  return columns.map((column) => (column.name === primaryKey[0] && column.type === 'int' && (column.default === 'autoincrement' || column.default === null) ? { ...column, default: 'int key' } : column))
}

function normalizeDefault(value: string | null): string | null {
  if (value === null) return null
  if (/^nextval\(/.test(value)) return 'autoincrement'
  return value.replace(/::[a-z ]+$/, '').replace(/^'(.*)'$/, "'$1'")
}

function sqliteShape(file: string): Shape {
  const db = new Database(file, { readonly: true })
  try {
    const allTables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`).all() as { name: string; sql: string }[]
    const tables = allTables.filter((table) => !searchIndexTables.includes(table.name))
    const shape: Shape = { tables: {}, searchTables: allTables.filter((table) => searchIndexTables.includes(table.name)).map((table) => table.name) }
    for (const { name, sql } of tables) {
      const info = db.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid`).all(name) as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[]
      const columns = info.map((column) => ({
        name: column.name,
        type: sqliteTypes[column.type] ?? `?${column.type}`,
        nullable: column.notnull === 0,
        default: column.pk && new RegExp(`"${column.name}"[^,]*AUTOINCREMENT`).test(sql) ? 'autoincrement' : normalizeDefault(column.dflt_value),
      }))
      const primaryKey = info.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name)
      const indexList = db.prepare(`SELECT name, "unique", origin FROM pragma_index_list(?)`).all(name) as { name: string; unique: number; origin: string }[]
      const indexes = indexList
        .filter((index) => index.origin !== 'pk')
        .map((index) => {
          const cols = (db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(index.name) as { name: string }[]).map((c) => c.name)
          return `${index.name}(${cols.join(',')})${index.unique ? ' unique' : ''}`
        })
        .sort()
      const fks = db.prepare(`SELECT id, "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq`).all(name) as { id: number; table: string; from: string; to: string; on_update: string; on_delete: string }[]
      const foreignKeys = fks.map((fk) => `(${fk.from}) -> ${fk.table}(${fk.to}) on delete ${fk.on_delete} on update ${fk.on_update}`).sort()
      shape.tables[name] = { columns: byName(withIntKeys(columns, primaryKey)), primaryKey, indexes, foreignKeys }
    }
    return shape
  } finally {
    db.close()
  }
}

async function postgresShape(url: string): Promise<Shape> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const query = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows
    const allTables = await query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name`)
    const tables = allTables.filter((table) => !searchIndexTables.includes(table.name))
    const shape: Shape = { tables: {}, searchTables: allTables.filter((table) => searchIndexTables.includes(table.name)).map((table) => table.name) }
    for (const { name } of tables) {
      const info = await query<{ name: string; type: string; nullable: string; default: string | null }>(
        `SELECT column_name AS name, data_type AS type, is_nullable AS nullable, column_default AS default FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
        [name],
      )
      const columns = info.map((column) => ({ name: column.name, type: postgresTypes[column.type] ?? `?${column.type}`, nullable: column.nullable === 'YES', default: normalizeDefault(column.default) }))
      const indexRows = await query<{ name: string; columns: string[]; unique: boolean; primary: boolean }>(
        `SELECT i.relname AS name, array_agg(a.attname::text ORDER BY k.ord) AS columns, x.indisunique AS unique, x.indisprimary AS primary
           FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
           CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
          WHERE t.relname = $1 GROUP BY i.relname, x.indisunique, x.indisprimary`,
        [name],
      )
      const primaryKey = indexRows.find((index) => index.primary)?.columns ?? []
      const indexes = indexRows.filter((index) => !index.primary).map((index) => `${index.name}(${index.columns.join(',')})${index.unique ? ' unique' : ''}`).sort()
      const fkRows = await query<{ columns: string[]; ref_table: string; ref_columns: string[]; on_delete: string; on_update: string }>(
        `SELECT (SELECT array_agg(attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute ON attrelid = c.conrelid AND attnum = k.n) AS columns,
                r.relname AS ref_table,
                (SELECT array_agg(attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute ON attrelid = c.confrelid AND attnum = k.n) AS ref_columns,
                c.confdeltype AS on_delete, c.confupdtype AS on_update
           FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
          WHERE c.contype = 'f' AND t.relname = $1`,
        [name],
      )
      const foreignKeys = fkRows
        .map((fk) => `(${fk.columns.join(',')}) -> ${fk.ref_table}(${fk.ref_columns.join(',')}) on delete ${actions[fk.on_delete]} on update ${actions[fk.on_update]}`)
        .sort()
      shape.tables[name] = { columns: byName(withIntKeys(columns, primaryKey)), primaryKey, indexes, foreignKeys }
    }
    return shape
  } finally {
    await client.end()
  }
}

describe.skipIf(!onPostgres)('the SQLite and PostgreSQL migration chains build the same store [runs with the PostgreSQL suite: needs its server]', () => {
  let dir: string
  let sqlite: Shape
  let postgres: Shape
  let sqliteFile: string
  let postgresUrl: string
  let drop: (() => Promise<void>) | undefined

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ask-kb-chains-'))
    const file = path.join(dir, 'chain.db')
    sqliteFile = file
    await deployMigrations({ databaseUrl: `file:${file}` })
    sqlite = sqliteShape(file)
    const database = await createPostgresDatabase({ migrated: false })
    drop = database.drop
    postgresUrl = database.url
    await deployMigrations({ databaseUrl: database.url })
    postgres = await postgresShape(database.url)
  })
  afterAll(async () => {
    await drop?.()
    rmSync(dir, { recursive: true, force: true })
  })

  it('has the same tables', () => {
    expect(Object.keys(postgres.tables)).toEqual(Object.keys(sqlite.tables))
    expect(Object.keys(sqlite.tables)).toContain('Answer')
  })

  it('has the same columns (mapped types), nullability, defaults, primary keys, indexes, unique constraints and foreign keys', () => {
    for (const [name, table] of Object.entries(sqlite.tables)) {
      expect(postgres.tables[name], name).toEqual(table)
    }
  })

  it('the comparison sees what it compares (no unmapped types, some of each kind)', () => {
    const all = Object.values(sqlite.tables)
    expect(JSON.stringify(sqlite) + JSON.stringify(postgres)).not.toContain('"?')
    expect(all.some((table) => table.foreignKeys.length > 0)).toBe(true)
    expect(all.some((table) => table.indexes.some((index) => index.endsWith(' unique')))).toBe(true)
    expect(all.some((table) => table.columns.some((column) => column.default === 'int key'))).toBe(true)
    expect(all.some((table) => table.columns.some((column) => column.default === 'CURRENT_TIMESTAMP'))).toBe(true)
    expect(all.some((table) => table.primaryKey.length === 2)).toBe(true)
  })

  it('has the search index each database needs, and nothing else outside the Prisma model', async () => {
    expect(sqlite.searchTables.sort()).toEqual([...searchIndexTables].sort())
    expect(postgres.searchTables).toEqual([searchTable])
    const db = new Database(sqliteFile, { readonly: true })
    try {
      const row = db.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).get(searchTable) as { sql: string }
      expect(row.sql).toMatch(/^CREATE VIRTUAL TABLE "AnswerSearch" USING fts5\(/)
      expect(row.sql).toContain(`tokenize = 'porter unicode61 remove_diacritics 2'`)
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(searchTable) as { name: string }[]).map((c) => c.name)
      expect(columns).toEqual([...sqliteSearchColumns])
    } finally {
      db.close()
    }
    const client = new pg.Client({ connectionString: postgresUrl })
    await client.connect()
    try {
      const columns = await client.query<{ name: string; type: string }>(`SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`, [searchTable])
      expect(columns.rows).toEqual([
        { name: 'answerId', type: 'integer' },
        { name: 'title', type: 'text' },
        { name: 'summary', type: 'text' },
        { name: 'body', type: 'text' },
        { name: 'document', type: 'tsvector' },
      ])
      const index = await client.query<{ def: string }>(`SELECT indexdef AS def FROM pg_indexes WHERE tablename = $1 AND indexname = 'AnswerSearch_document_idx'`, [searchTable])
      expect(index.rows[0]?.def).toContain('USING gin (document)')
      const fk = await client.query<{ action: string }>(`SELECT confdeltype AS action FROM pg_constraint WHERE conname = 'AnswerSearch_answerId_fkey'`)
      expect(fk.rows[0]?.action).toBe('c')
    } finally {
      await client.end()
    }
  })
})
