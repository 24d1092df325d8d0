import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { startCluster, startClusterServer, stopCluster, stopClusterServer, type Cluster } from '@/scripts/postgres-cluster.mjs'

/**
 * A PostgreSQL cluster of a test's own (not the suite's shared server), so the test can take it down and bring it
 * back on the same port: an outage as a site sees one.
 */
export interface OutageCluster extends Cluster {
  /** The URL of database `name` on this cluster, as user `user` with `password` when given. */
  urlOf: (name: string, login?: { user: string; password: string }) => string
  /** Runs SQL as the superuser on the `postgres` database. */
  admin: <Row extends pg.QueryResultRow>(sql: string, values?: unknown[]) => Promise<Row[]>
  /** Stops the server, keeping the data; `immediate` as a crash would. */
  stopServer: (mode?: 'fast' | 'immediate') => void
  /** Starts it again on the same port. */
  startServer: () => void
  /**
   * Ends every session on database `name` (pg_terminate_backend); how many there were. It answers on a session
   * kept open, so the caller goes on before its pool has read the goodbyes: as when a query arrives at that moment.
   */
  terminateSessions: (name: string) => Promise<number>
  /** Adds a role that must log in with `password` (scram-sha-256 from 127.0.0.1; every other login stays trusted). */
  addPasswordRole: (user: string, password: string) => Promise<void>
  remove: () => Promise<void>
}

export async function startOutageCluster(): Promise<OutageCluster> {
  const cluster = await startCluster()
  const urlOf = (name: string, login?: { user: string; password: string }) => {
    const url = new URL(cluster.url)
    url.pathname = `/${name}`
    if (login) {
      url.username = login.user
      url.password = login.password
    }
    return url.toString()
  }
  const admin = async <Row extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: cluster.url })
    await client.connect()
    try {
      return (await client.query<Row>(sql, values)).rows
    } finally {
      await client.end()
    }
  }
  let terminator: pg.Client | undefined
  return {
    ...cluster,
    urlOf,
    admin,
    stopServer: (mode = 'fast') => stopClusterServer(cluster.dir, mode),
    startServer: () => startClusterServer(cluster),
    terminateSessions: async (name) => {
      if (!terminator) {
        terminator = new pg.Client({ connectionString: cluster.url })
        terminator.on('error', () => {}) // the server stopping later ends this session too
        await terminator.connect()
      }
      const { rows } = await terminator.query<{ ended: string }>('SELECT count(pg_terminate_backend(pid)) AS ended FROM pg_stat_activity WHERE datname = $1', [name])
      return Number(rows[0]?.ended ?? 0)
    },
    addPasswordRole: async (user, password) => {
      await admin(`CREATE ROLE "${user}" LOGIN PASSWORD '${password.replaceAll("'", "''")}'`)
      // The first matching line wins: this one goes above initdb's trust lines.
      const hba = path.join(cluster.dir, 'data', 'pg_hba.conf')
      writeFileSync(hba, `host all ${user} 127.0.0.1/32 scram-sha-256\n${readFileSync(hba, 'utf8')}`)
      await admin('SELECT pg_reload_conf()')
    },
    remove: async () => {
      await terminator?.end().catch(() => {})
      stopCluster(cluster.dir)
    },
  }
}
