import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { applyPragmas, createDb, sqlitePathFromUrl, type Db } from '@/lib/db'
import { explainEngineError, openSchemaEngine } from '@/lib/migrate/schema-engine'

export const filters = { externalTables: [], externalEnums: [] }

export function readMigrationsList(migrationsDir: string) {
  const baseDir = path.resolve(migrationsDir)
  const lockPath = path.join(baseDir, 'migration_lock.toml')
  const directories = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && /^\d{14}_/.test(entry.name))
        .map((entry) => entry.name)
        .sort()
    : []
  return {
    baseDir,
    shadowDbInitScript: '',
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    migrationDirectories: directories.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: readFileSync(path.join(baseDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  }
}

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
  mkdirSync(path.dirname(path.resolve(sqlitePathFromUrl(databaseUrl))), { recursive: true })
  const applied = await deployMigrations({ databaseUrl })
  const db = createDb(databaseUrl)
  await applyPragmas(db)
  return { db, applied }
}
