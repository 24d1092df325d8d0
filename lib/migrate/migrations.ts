import { existsSync, mkdirSync, statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { applyPragmas, createDb, type Db } from '@/lib/db'
import { providerOf, sqlitePathFromUrl } from '@/lib/db-url'
import { appliedMigrationsSql, appliedRowsMatch, migrationsAreApplied, type AppliedRow } from '@/lib/migrate/applied'
import { readMigrationsList } from '@/lib/migrate/migrations-dir'
import { explainEngineError, openSchemaEngine } from '@/lib/migrate/schema-engine'
import { migrationsDirs } from '@/lib/migrate/schema-variant.mjs'
import { connectPostgres } from '@/lib/postgres-client'
import { searchIndexTables } from '@/lib/search/index-tables'

export { readMigrationsList } from '@/lib/migrate/migrations-dir'

// The search index tables are hand-written in the migrations (lib/search/index-tables.ts): a diff must not drop them.
export const filters = { externalTables: searchIndexTables, externalEnums: [] }

export interface DeployOptions {
  databaseUrl: string
  schemaPath?: string
  /** Default: the URL's provider's folder (prisma/migrations or prisma/migrations-postgresql). */
  migrationsDir?: string
}

/** The migrations folder of the URL's provider. */
export function migrationsDirFor(databaseUrl: string): string {
  return migrationsDirs[providerOf(databaseUrl)]
}

/** Applies pending migrations (idempotent) and records them in _prisma_migrations, like `prisma migrate deploy`. */
export async function deployMigrations({ databaseUrl, schemaPath = 'prisma/schema.prisma', migrationsDir = migrationsDirFor(databaseUrl) }: DeployOptions): Promise<string[]> {
  const { engine, factory, close } = await openSchemaEngine(databaseUrl, schemaPath)
  try {
    const result = await engine.applyMigrations({ migrationsList: readMigrationsList(migrationsDir), filters })
    return result.appliedMigrationNames
  } catch (error) {
    throw explainEngineError(error, factory, databaseUrl)
  } finally {
    await close()
  }
}

/**
 * The one way scripts open a writable store: create the SQLite file's folder (or check PostgreSQL answers),
 * migrate when needed, connect, set SQLite's pragmas.
 */
export async function openMigratedDb(databaseUrl: string): Promise<{ db: Db; applied: string[] }> {
  let upToDate: boolean
  if (providerOf(databaseUrl) === 'sqlite') {
    const file = path.resolve(sqlitePathFromUrl(databaseUrl))
    mkdirSync(path.dirname(file), { recursive: true })
    upToDate = isMigratedSqliteFile(file)
  } else {
    upToDate = await isMigratedPostgres(databaseUrl)
  }
  const applied = upToDate ? [] : await deployMigrations({ databaseUrl })
  const db = createDb(databaseUrl)
  await applyPragmas(db)
  return { db, applied }
}

/** The quick path for an up-to-date store: a plain SQLite read instead of starting the schema engine. */
function isMigratedSqliteFile(file: string): boolean {
  if (!existsSync(file) || !statSync(file).isFile()) return false
  let connection: Database.Database | undefined
  try {
    connection = new Database(file, { fileMustExist: true })
    return migrationsAreApplied(connection)
  } catch {
    return false // not a database, locked, unreadable: let the schema engine report it
  } finally {
    connection?.close()
  }
}

/**
 * The same on PostgreSQL: one query on one connection. It is also the first contact with the server, so a server
 * that is down or a wrong password fails here with one sentence (connectPostgres), before any engine starts.
 */
export async function isMigratedPostgres(databaseUrl: string): Promise<boolean> {
  const client = await connectPostgres(databaseUrl)
  try {
    const result = await client.query<AppliedRow>(appliedMigrationsSql)
    return appliedRowsMatch(result.rows, migrationsDirs.postgresql)
  } catch {
    return false // no _prisma_migrations table yet: the engine creates it
  } finally {
    await client.end().catch(() => {})
  }
}
