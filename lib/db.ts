import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/generated/prisma/client'
import { PrismaClient as PostgresPrismaClient } from '@/generated/prisma-postgresql/client'
import { withAvailabilityWatch } from '@/lib/db-availability'
import { providerOf, type Provider } from '@/lib/db-url'
import { env } from '@/lib/env'

export { providerOf, sqlitePathFromUrl, type Provider } from '@/lib/db-url'

export type Db = PrismaClient

export interface DbOptions {
  /** PostgreSQL only: connections in this client's pool. */
  poolSize?: number
  /** PostgreSQL only: statements running longer are cancelled by the server. */
  statementTimeoutMs?: number
  /**
   * The site's client: failures that mean the database cannot be used are thrown as one-line
   * DatabaseConnectionErrors and tracked as an outage (lib/db-availability.ts). Scripts keep the driver's errors,
   * which they tell apart themselves (a busy SQLite file is a reason for an ingest to wait, not an outage).
   */
  watchAvailability?: boolean
}

/**
 * A client for the database the URL names. Both generated clients come from the one schema (the PostgreSQL one
 * from its derived variant, lib/migrate/schema-variant.mjs), so their model APIs are identical: the PostgreSQL
 * client is typed as the SQLite one so every caller has one `Db` type.
 */
export function createDb(databaseUrl: string = env.DATABASE_URL, options: DbOptions = {}): PrismaClient {
  const watched = (client: PrismaClient) => (options.watchAvailability ? withAvailabilityWatch(client, databaseUrl) : client)
  if (providerOf(databaseUrl) === 'sqlite') {
    const adapter = new PrismaBetterSqlite3({ url: databaseUrl, timeout: 5000 })
    return remember(watched(new PrismaClient({ adapter })), 'sqlite')
  }
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.poolSize ?? env.DATABASE_POOL_SIZE,
    statement_timeout: options.statementTimeoutMs ?? env.DATABASE_STATEMENT_TIMEOUT_MS,
    // A server that does not answer fails the request in seconds instead of hanging it.
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  })
  return remember(watched(new PostgresPrismaClient({ adapter }) as unknown as PrismaClient), 'postgresql')
}

/** The provider of a client made by createDb. */
export function providerOfDb(db: Db): Provider {
  return dbProviders.get(db) ?? providerOf(env.DATABASE_URL)
}
const dbProviders = new WeakMap<Db, Provider>()
function remember(db: Db, provider: Provider): Db {
  dbProviders.set(db, provider)
  return db
}

// SQLite only: WAL lets readers (the site) and the writer (ingest) work at the same time. PostgreSQL needs none.
export async function applyPragmas(db: PrismaClient): Promise<void> {
  if (providerOfDb(db) !== 'sqlite') return
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL')
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL')
}

const globalForDb = globalThis as unknown as { askKbDb?: PrismaClient; askKbPragmas?: Promise<void> }

// One client per process (and one across Next dev hot reloads).
export function getDb(): PrismaClient {
  globalForDb.askKbDb ??= createDb(env.DATABASE_URL, { watchAvailability: true })
  return globalForDb.askKbDb
}

export async function db(): Promise<PrismaClient> {
  const client = getDb()
  // Set once, but a failure (a locked file, a server that is down) must not stick: the next caller tries again.
  globalForDb.askKbPragmas ??= applyPragmas(client).catch((error: unknown) => {
    globalForDb.askKbPragmas = undefined
    throw error
  })
  await globalForDb.askKbPragmas
  return client
}
