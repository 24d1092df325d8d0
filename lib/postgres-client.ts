import pg from 'pg'
import { explainDatabaseError } from '@/lib/db-errors'

/**
 * One plain pg connection (for the commands that talk to PostgreSQL outside Prisma: migrations' fast path, backups).
 * It is the command's first contact with the server, so a server that is down or a wrong password fails here with
 * one sentence (explainDatabaseError).
 */
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
