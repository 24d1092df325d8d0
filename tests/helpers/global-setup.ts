import { deployMigrations } from '@/lib/migrate/migrations'
import { startCluster, stopCluster } from '@/scripts/postgres-cluster.mjs'
import { postgresUrl, templateDatabase, testDatabasePrefix, testProvider, withAdmin } from '@/tests/helpers/test-database'

/**
 * On PostgreSQL: the server (a private cluster started here unless TEST_POSTGRES_URL names one) and the migrated
 * template database. Workers inherit the environment set here.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (testProvider !== 'postgresql') return undefined
  const cluster = process.env.TEST_POSTGRES_URL ? undefined : await startCluster()
  if (cluster) process.env.TEST_POSTGRES_URL = cluster.url
  await withAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${templateDatabase}`)
  })
  await deployMigrations({ databaseUrl: postgresUrl(templateDatabase) })
  return async () => {
    if (cluster) {
      stopCluster(cluster.dir)
      return
    }
    // A server we did not start keeps running: drop what the run created on it.
    await withAdmin(async (client) => {
      const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '${testDatabasePrefix}%' OR datname = '${templateDatabase}'`)
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
    })
  }
}
