import { existsSync, mkdirSync, statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { applyPragmas, createDb, sqlitePathFromUrl, type Db } from '@/lib/db'
import { migrationsAreApplied } from '@/lib/migrate/applied'
import { readMigrationsList } from '@/lib/migrate/migrations-dir'
import { explainEngineError, openSchemaEngine } from '@/lib/migrate/schema-engine'

export { readMigrationsList } from '@/lib/migrate/migrations-dir'

export const filters = { externalTables: [], externalEnums: [] }

export interface DeployOptions {
  databaseUrl: string
  schemaPath?: string
  migrationsDir?: string
}

/** Applies pending migrations (idempotent) and records them in _prisma_migrations, like `prisma migrate deploy`. */
export async function deployMigrations({
  databaseUrl,
  schemaPath = 'prisma/schema.prisma',
  migrationsDir = 'prisma/migrations',
}: DeployOptions): Promise<string[]> {
  const { engine, factory, close } = await openSchemaEngine(databaseUrl, schemaPath)
  try {
    const result = await engine.applyMigrations({ migrationsList: readMigrationsList(migrationsDir), filters })
    return result.appliedMigrationNames
  } catch (error) {
    throw explainEngineError(error, factory)
  } finally {
    await close()
  }
}

/** The one way scripts open a writable store: create the SQLite file's folder, migrate, connect, set pragmas. */
export async function openMigratedDb(databaseUrl: string): Promise<{ db: Db; applied: string[] }> {
  const file = path.resolve(sqlitePathFromUrl(databaseUrl))
  mkdirSync(path.dirname(file), { recursive: true })
  const applied = isMigratedSqliteFile(file) ? [] : await deployMigrations({ databaseUrl })
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
