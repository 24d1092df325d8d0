import pg from 'pg'
import { explainDatabaseError } from '@/lib/db-errors'

/** One connection for a backup or restore; a server that is down or a wrong password fails here in one sentence. */
export async function connectPostgres(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 })
  // An error event on an idle client (server gone) must not crash the process; the awaited calls report it.
  client.on('error', () => {})
  try {
    await client.connect()
  } catch (error) {
    throw explainDatabaseError(error, databaseUrl)
  }
  return client
}

/** The server's major version (e.g. 15), which pg_dump's must reach. */
export async function serverMajorOf(client: pg.Client): Promise<number> {
  const result = await client.query<{ server_version_num: string }>('SHOW server_version_num')
  return Math.floor(Number(result.rows[0]?.server_version_num) / 10_000)
}
