import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { env } from '@/lib/env'
import { providerOf, redactUrl, sqlitePathFromUrl } from '@/lib/db-url'
import { deployMigrations, filters, readMigrationsList } from '@/lib/migrate/migrations'
import { explainEngineError, openSchemaEngine } from '@/lib/migrate/schema-engine'
import { deriveSchema, lockFileText, migrationsDirs } from '@/lib/migrate/schema-variant.mjs'
import { startCluster, stopCluster } from '@/scripts/postgres-cluster.mjs'
import { exitWhenFlushed } from '@/lib/exit-when-flushed'

const schemaPath = 'prisma/schema.prisma'
// The schema as of the newest PostgreSQL migration, written by this command (never by hand): the wasm engine can
// diff two schemas without a database, but cannot introspect a live PostgreSQL database (stack notes).
const postgresSnapshot = path.join(migrationsDirs.postgresql, 'schema.snapshot.prisma')

async function deploy(): Promise<void> {
  if (providerOf(env.DATABASE_URL) === 'sqlite') mkdirSync(path.dirname(path.resolve(sqlitePathFromUrl(env.DATABASE_URL))), { recursive: true })
  const applied = await deployMigrations({ databaseUrl: env.DATABASE_URL })
  const where = redactUrl(env.DATABASE_URL)
  console.log(applied.length ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(', ')}` : `Database schema is up to date (${where}).`)
}

type SchemaEngine = Awaited<ReturnType<typeof openSchemaEngine>>['engine']

/** Runs `work` on a schema engine started on a scratch SQLite file, removed afterwards; engine errors explained. */
async function withScratchEngine<T>(work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'ask-kb-migrate-'))
  try {
    const { engine, factory, close } = await openSchemaEngine(`file:${path.join(scratch, 'scratch.db')}`, schemaPath)
    try {
      return await work(engine)
    } catch (error) {
      throw explainEngineError(error, factory)
    } finally {
      await close()
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** SQLite: the diff from (all existing migrations applied to a scratch database) to schema.prisma. */
function sqliteDiff(): Promise<string> {
  return withScratchEngine(async (engine) => {
    await engine.applyMigrations({ migrationsList: readMigrationsList(migrationsDirs.sqlite), filters })
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files: [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }], configDir: process.cwd() },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }] },
      script: true,
      exitCode: null,
      filters,
    })
    return result.stdout ?? ''
  })
}

/** PostgreSQL: the diff from the snapshot of the last migration (empty for the first) to the derived schema. */
function postgresDiff(current: string): Promise<string> {
  // Schema-to-schema diffs never touch the database; the engine still needs one to start, a scratch SQLite file.
  return withScratchEngine(async (engine) => {
    const result = await engine.diff({
      from: existsSync(postgresSnapshot) ? { tag: 'schemaDatamodel', files: [{ path: postgresSnapshot, content: readFileSync(postgresSnapshot, 'utf8') }] } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: current }] },
      script: true,
      exitCode: null,
      filters,
    })
    return result.stdout ?? ''
  })
}

const isEmpty = (sql: string) => sql.includes('This is an empty migration')

/**
 * Proves the PostgreSQL chain with the new migration applies: on a private cluster (scripts/postgres-cluster.mjs,
 * 127.0.0.1, removed afterwards), every migration in order into an empty database. Nothing is written before
 * this passes.
 */
async function checkOnPostgres(dirName: string, sql: string): Promise<void> {
  const cluster = await startCluster()
  try {
    const { engine, factory, close } = await openSchemaEngine(cluster.url, schemaPath)
    try {
      const migrationsList = readMigrationsList(migrationsDirs.postgresql)
      migrationsList.migrationDirectories.push({ path: dirName, migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: sql } } })
      migrationsList.lockfile.content ??= lockFileText('postgresql')
      await engine.applyMigrations({ migrationsList, filters })
    } catch (error) {
      throw new Error(`the new PostgreSQL migration does not apply on a fresh database; nothing was written: ${explainEngineError(error, factory).message}`)
    } finally {
      await close()
    }
  } finally {
    stopCluster(cluster.dir)
  }
}

function writeMigration(provider: 'sqlite' | 'postgresql', dirName: string, sql: string): void {
  const dir = path.join(migrationsDirs[provider], dirName)
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'migration.sql'), sql)
  writeFileSync(path.join(migrationsDirs[provider], 'migration_lock.toml'), lockFileText(provider))
  console.log(`Created ${dir}/migration.sql`)
}

// A new migration for both providers at once, under one name and timestamp.
async function createMigration(name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('Migration name must match [a-z0-9_]+, e.g. add_search_index')
  const postgresSchema = deriveSchema(readFileSync(schemaPath, 'utf8'), 'postgresql')
  const [sqliteSql, postgresSql] = [await sqliteDiff(), await postgresDiff(postgresSchema)]
  if (isEmpty(sqliteSql) && isEmpty(postgresSql)) {
    console.log('No schema changes since the last migration.')
    return
  }
  const dirName = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${name}`
  if (!isEmpty(postgresSql)) await checkOnPostgres(dirName, postgresSql)
  if (!isEmpty(sqliteSql)) writeMigration('sqlite', dirName, sqliteSql)
  if (!isEmpty(postgresSql)) {
    writeMigration('postgresql', dirName, postgresSql)
    writeFileSync(postgresSnapshot, postgresSchema)
  }
}

const [command, name] = process.argv.slice(2)
const run = command === 'deploy' ? deploy() : command === 'new' && name ? createMigration(name) : Promise.reject(new Error('Usage: cli.ts deploy | cli.ts new <name>'))
run.then(
  () => exitWhenFlushed(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    exitWhenFlushed(1)
  },
)
