import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg'

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
  /** Frees the engine and closes the SQLite connections it opened (free() alone leaves them open and locked). */
  close: () => Promise<void>
}

export async function openSchemaEngine(databaseUrl: string, schemaPath: string): Promise<OpenEngine> {
  if (!databaseUrl.startsWith('file:')) throw new Error(`Only SQLite DATABASE_URLs are supported, got ${databaseUrl}`)
  await loadWasm()
  const base = new PrismaBetterSqlite3({ url: databaseUrl })
  const opened: { dispose: () => Promise<void> }[] = []
  const tracked = Object.assign(Object.create(base) as PrismaBetterSqlite3, {
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
  const schemaText = readFileSync(schemaPath, 'utf8')
  // Connecting happens here, so a file it cannot open fails here: name the driver's reason, not "External error id#0".
  const engine = await glue.SchemaEngine.new({ datamodels: [[schemaPath, schemaText]] }, () => {}, factory).catch((error: unknown) => {
    throw explainEngineError(error, factory)
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
export function explainEngineError(error: unknown, factory: AdapterFactory): Error {
  const message = error instanceof Error ? error.message : String(error)
  const match = /External error id#(\d+)/.exec(message)
  if (match?.[1]) {
    const detail = factory.errorRegistry.consumeError(Number(match[1]))
    if (detail) return new Error(`${message}: ${JSON.stringify(detail.error)}`)
  }
  // The wasm engine reports SQLITE_BUSY with an error variant it cannot decode ("unknown variant `SocketTimeout`").
  if (message.includes('SocketTimeout')) {
    return new Error('The database file is locked by another process (a running server or ingest?). Stop it and try again.')
  }
  return error instanceof Error ? error : new Error(message)
}
