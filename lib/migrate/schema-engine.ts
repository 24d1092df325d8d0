import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg'
import { describeDatabaseError, explainDatabaseError } from '@/lib/db-errors'
import { providerOf } from '@/lib/db-url'
import { deriveSchema } from '@/lib/migrate/schema-variant.mjs'

// Prisma's native schema engine is a download we cannot make offline; its wasm build does the same work
// (apply migrations, diff schemas) through a JS driver adapter.
const require = createRequire(import.meta.url)
let instantiated: Promise<void> | undefined

function loadWasm(): Promise<void> {
  instantiated ??= (async () => {
    // The .wasm file is not in the package's "exports"; find it beside the exported JS glue.
    const glueDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'))
    const bytes = readFileSync(path.join(glueDir, 'schema_engine_bg.wasm'))
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue })
    glue.__wbg_set_wasm(instance.exports)
    ;(instance.exports as { __wbindgen_start: () => void }).__wbindgen_start()
  })()
  return instantiated
}

export type SchemaEngine = glue.SchemaEngine
export type AdapterFactory = ReturnType<typeof bindMigrationAwareSqlAdapterFactory>

export interface OpenEngine {
  engine: SchemaEngine
  factory: AdapterFactory
  /** Frees the engine and closes the connections it opened (free() alone leaves them open, SQLite files locked). */
  close: () => Promise<void>
}

function adapterFactoryFor(databaseUrl: string): SqlMigrationAwareDriverAdapterFactory {
  if (providerOf(databaseUrl) === 'sqlite') return new PrismaBetterSqlite3({ url: databaseUrl })
  // One connection is all the engine uses; fail fast when the server does not answer.
  return new PrismaPg({ connectionString: databaseUrl, max: 1, connectionTimeoutMillis: 5000 })
}

/** The engine on the URL's database, with the schema variant of its provider (derived from `schemaPath`). */
export async function openSchemaEngine(databaseUrl: string, schemaPath: string): Promise<OpenEngine> {
  await loadWasm()
  const base = adapterFactoryFor(databaseUrl)
  const opened: { dispose: () => Promise<void> }[] = []
  const tracked = Object.assign(Object.create(base) as SqlMigrationAwareDriverAdapterFactory, {
    connect: async () => {
      const adapter = await base.connect()
      opened.push(adapter)
      return adapter
    },
    connectToShadowDb: async () => {
      const adapter = await base.connectToShadowDb()
      opened.push(adapter)
      return adapter
    },
  })
  const factory = bindMigrationAwareSqlAdapterFactory(tracked)
  const schemaText = deriveSchema(readFileSync(schemaPath, 'utf8'), providerOf(databaseUrl))
  // Connecting happens here, so a file it cannot open or a server it cannot reach fails here: name the driver's
  // reason, not "External error id#0".
  const engine = await glue.SchemaEngine.new({ datamodels: [[schemaPath, schemaText]] }, () => {}, factory).catch((error: unknown) => {
    throw explainEngineError(error, factory, databaseUrl)
  })
  return {
    engine,
    factory,
    close: async () => {
      engine.free()
      await Promise.all(opened.map((adapter) => adapter.dispose()))
    },
  }
}

/** Turns "External error id#N" from the adapter into the real driver message. */
export function explainEngineError(error: unknown, factory: AdapterFactory, databaseUrl?: string): Error {
  const message = error instanceof Error ? error.message : String(error)
  // The engine's own connection messages span lines ("Can't reach database server…\n\nPlease make sure…").
  if (databaseUrl && !message.includes('External error') && describeDatabaseError(error, databaseUrl)) return explainDatabaseError(error, databaseUrl)
  const match = /External error id#(\d+)/.exec(message)
  if (match?.[1]) {
    const detail = factory.errorRegistry.consumeError(Number(match[1]))
    if (detail) {
      if (databaseUrl && describeDatabaseError(detail.error, databaseUrl)) return explainDatabaseError(detail.error, databaseUrl)
      return new Error(`${message}: ${JSON.stringify(detail.error)}`)
    }
  }
  // The wasm engine reports SQLITE_BUSY with an error variant it cannot decode ("unknown variant `SocketTimeout`").
  if (message.includes('SocketTimeout')) {
    return new Error('The database file is locked by another process (a running server or ingest?). Stop it and try again.')
  }
  return error instanceof Error ? error : new Error(message)
}
