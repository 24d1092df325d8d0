import { randomBytes } from 'node:crypto'
import pg from 'pg'

// Which database the suite runs on: TEST_DATABASE=postgresql (set by scripts/test.sh for its second run) or
// SQLite files (the default). On PostgreSQL, tests/helpers/global-setup.ts provides the server (TEST_POSTGRES_URL,
// a superuser URL) and a migrated template database each test database is copied from.

export type TestProvider = 'sqlite' | 'postgresql'

export const testProvider: TestProvider = process.env.TEST_DATABASE === 'postgresql' ? 'postgresql' : 'sqlite'
export const onPostgres = testProvider === 'postgresql'
export const templateDatabase = 'ask_kb_template'
export const testDatabasePrefix = 'ask_kb_t_'

function adminUrl(): string {
  const url = process.env.TEST_POSTGRES_URL
  if (!url) throw new Error('TEST_DATABASE=postgresql needs TEST_POSTGRES_URL (tests/helpers/global-setup.ts sets it)')
  return url
}

/** The URL of database `name` on the test server. */
export function postgresUrl(name: string): string {
  const url = new URL(adminUrl())
  url.pathname = `/${name}`
  return url.toString()
}

export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** A fresh database: a copy of the migrated template, or empty (as a SQLite file not yet created). */
export async function createPostgresDatabase({ migrated }: { migrated: boolean }): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `${testDatabasePrefix}${process.pid}_${randomBytes(6).toString('hex')}`
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE ${migrated ? templateDatabase : 'template0'}`))
  return {
    url: postgresUrl(name),
    name,
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  }
}
