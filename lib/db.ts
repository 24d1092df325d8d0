import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '@/generated/prisma/client'
import { env } from '@/lib/env'

export type Db = PrismaClient

export function sqlitePathFromUrl(url: string): string {
  return url.replace(/^file:/, '')
}

export function createDb(databaseUrl: string = env.DATABASE_URL): PrismaClient {
  if (!databaseUrl.startsWith('file:')) {
    throw new Error(`DATABASE_URL ${databaseUrl}: only SQLite ("file:...") is wired up in this release`)
  }
  const adapter = new PrismaBetterSqlite3({ url: databaseUrl, timeout: 5000 })
  return new PrismaClient({ adapter })
}

// WAL lets readers (the site) and the writer (ingest) work at the same time.
export async function applyPragmas(db: PrismaClient): Promise<void> {
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL')
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL')
}

const globalForDb = globalThis as unknown as { askKbDb?: PrismaClient; askKbPragmas?: Promise<void> }

// One client per process (and one across Next dev hot reloads).
export function getDb(): PrismaClient {
  if (!globalForDb.askKbDb) {
    globalForDb.askKbDb = createDb()
    globalForDb.askKbPragmas = applyPragmas(globalForDb.askKbDb)
  }
  return globalForDb.askKbDb
}

export async function db(): Promise<PrismaClient> {
  const client = getDb()
  await globalForDb.askKbPragmas
  return client
}
