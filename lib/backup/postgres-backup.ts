import { findPostgresTools, runPostgresTool, serverMajorOf } from '@/lib/backup/postgres-tools'
import { connectPostgres } from '@/lib/postgres-client'
import { countPostgresRows, type TableCounts } from '@/lib/backup/table-counts'

/**
 * `pg_dump --format=custom` of the database, consistent while the site and an ingest write (pg_dump reads one
 * snapshot). The snapshot is this connection's, exported to pg_dump, so the row counts printed are exactly the
 * rows in the file, not a count taken a moment later.
 */
export async function backupPostgres(databaseUrl: string, destination: string): Promise<TableCounts> {
  const client = await connectPostgres(databaseUrl)
  try {
    const tools = findPostgresTools(await serverMajorOf(client))
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    const exported = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot')
    const snapshot = exported.rows[0]?.snapshot ?? ''
    const counts = await countPostgresRows(client)
    // The exporting transaction must stay open until pg_dump has imported the snapshot; it stays until the end.
    await runPostgresTool(tools.pgDump, ['--format=custom', `--snapshot=${snapshot}`, '--no-password', `--file=${destination}`], databaseUrl)
    await client.query('COMMIT')
    return counts
  } finally {
    await client.end().catch(() => {})
  }
}
