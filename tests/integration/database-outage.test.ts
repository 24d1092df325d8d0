import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { sqlitePathFromUrl } from '@/lib/db-url'
import { startOutageCluster, type OutageCluster } from '@/tests/helpers/outage-cluster'
import { describeSqliteOnly } from '@/tests/helpers/sqlite-only'
import { onPostgres } from '@/tests/helpers/test-database'

// The site's data layer when its database goes away and comes back: each failure is a DatabaseConnectionError
// with one line naming the database kind, the process logs one line per change of state, and the same client
// works again afterwards, with no restart.

const oneLine = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** The data layer as the site loads it, on `databaseUrl` (lib/env reads DATABASE_URL when first imported). */
async function loadSiteModules(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl
  vi.resetModules()
  return {
    answers: await import('@/lib/data/answers'),
    rateLimit: await import('@/lib/data/rate-limit'),
    availability: await import('@/lib/db-availability'),
    errors: await import('@/lib/db-errors'),
    db: await import('@/lib/db'),
    migrations: await import('@/lib/migrate/migrations'),
  }
}

/** The process's log lines about the database's state, from console.error. */
function watchStateLog(): { lines: () => string[]; restore: () => void } {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
  return { lines: () => spy.mock.calls.map((args) => args.map(String).join(' ')), restore: () => spy.mockRestore() }
}

describe.skipIf(!onPostgres)('PostgreSQL stopped and started again under a running data layer [needs a private cluster]', () => {
  let cluster: OutageCluster
  let site: Awaited<ReturnType<typeof loadSiteModules>>

  beforeAll(async () => {
    cluster = await startOutageCluster()
    await cluster.admin('CREATE DATABASE ask_kb_outage')
    site = await loadSiteModules(cluster.urlOf('ask_kb_outage'))
    await site.migrations.deployMigrations({ databaseUrl: cluster.urlOf('ask_kb_outage') })
    site.availability.announceAvailabilityChanges()
  })
  afterAll(async () => {
    await (await site?.db.db())?.$disconnect()
    await cluster?.remove()
  })

  it('fails with one line while the server is down, logs the outage once, and the same client recovers', async () => {
    const log = watchStateLog()
    try {
      expect(await site.answers.countAnswers()).toBe(0)
      cluster.stopServer('fast')
      const failures = await Promise.all([site.answers.countAnswers(), site.answers.listNewestAnswers(5), site.answers.countAnswers()].map((call) => call.then(() => null, (error: unknown) => error)))
      for (const failure of failures) {
        expect(site.errors.isDatabaseConnectionError(failure), String(failure)).toBe(true)
        expect(oneLine(failure)).toMatch(/^DATABASE_URL postgresql:\/\/postgres@127\.0\.0\.1:\d+\/ask_kb_outage: cannot reach PostgreSQL at 127\.0\.0\.1:\d+\/ask_kb_outage \(connection refused\)/)
        expect(oneLine(failure)).not.toContain('\n')
      }
      expect(site.availability.isDatabaseUnavailable()).toBe(true)
      expect(log.lines()).toEqual([expect.stringMatching(/^database unreachable: DATABASE_URL postgresql:\/\/\S+: cannot reach PostgreSQL/)])

      cluster.startServer()
      expect(await site.answers.countAnswers()).toBe(0)
      expect(site.availability.isDatabaseUnavailable()).toBe(false)
      expect(log.lines()).toEqual([expect.stringMatching(/^database unreachable: /), expect.stringMatching(/^database back after \d+\.\d s$/)])
    } finally {
      log.restore()
    }
  })

  it('a read on a connection pg_terminate_backend ended is sent again on a new one: the reader sees no failure', async () => {
    const log = watchStateLog()
    try {
      // Several pooled connections, all cut at once: a retried read may meet another dead one first.
      await Promise.all(Array.from({ length: 6 }, () => site.answers.listNewestAnswers(1)))
      expect(await cluster.terminateSessions('ask_kb_outage')).toBeGreaterThan(3)
      expect(await site.answers.countAnswers()).toBe(0)
      expect(await site.answers.listNewestAnswers(3)).toEqual([])
      expect(log.lines()).toEqual([])
    } finally {
      log.restore()
    }
  })

  it('a server that crashes mid-statement: one line, then the client works once it is back', async () => {
    const client = await site.db.db()
    const running = client.$queryRawUnsafe('SELECT pg_sleep(5)').then(() => null, (error: unknown) => error)
    await vi.waitFor(async () => expect(await cluster.admin(`SELECT pid FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'`)).toHaveLength(1))
    cluster.stopServer('immediate')
    const failure = await running
    expect(site.errors.isDatabaseConnectionError(failure), String(failure)).toBe(true)
    expect(oneLine(failure)).toMatch(/: PostgreSQL at 127\.0\.0\.1:\d+\/ask_kb_outage (closed|ended) the connection/)
    cluster.startServer()
    expect(await site.answers.countAnswers()).toBe(0)
  })
})

describeSqliteOnly('SQLite: a new, a locked and an unreachable file are reported as SQLite problems', 'its file and its locks', () => {
  let site: Awaited<ReturnType<typeof loadSiteModules>>
  const rule = { bucket: 'outage-test', limit: 100, windowSeconds: 60 }

  beforeAll(async () => {
    // tests/helpers/setup-env.ts names a file that does not exist yet: the site finds an empty database.
    site = await loadSiteModules(process.env.DATABASE_URL ?? '')
    site.availability.announceAvailabilityChanges()
  })
  afterAll(async () => {
    await (await site?.db.db())?.$disconnect()
  })

  it('an empty (new) file fails with one line naming SQLite; once migrated, the same client reads it', async () => {
    const log = watchStateLog()
    try {
      const failure = await site.answers.countAnswers().then(() => null, (error: unknown) => error)
      expect(site.errors.isDatabaseConnectionError(failure), String(failure)).toBe(true)
      expect(oneLine(failure)).toMatch(/^DATABASE_URL file:\S+: the SQLite file \S+kb\.db has no tables \(a new, empty file\?\): run npm run db:migrate/)
      expect(oneLine(failure)).not.toMatch(/PostgreSQL/)
      // The schema engine needs the file to itself (on SQLite a server is stopped for db:migrate); the client reconnects.
      await (await site.db.db()).$disconnect()
      await site.migrations.deployMigrations({ databaseUrl: process.env.DATABASE_URL ?? '' })
      expect(await site.answers.countAnswers()).toBe(0)
      expect(log.lines()).toEqual([expect.stringMatching(/^database unreachable: .*the SQLite file/), expect.stringMatching(/^database back after/)])
    } finally {
      log.restore()
    }
  })

  it('a write blocked by another process past the busy timeout fails with one line; reads go on; it recovers', async () => {
    expect((await site.rateLimit.consumeRateLimit(rule, '192.0.2.1', new Date())).allowed).toBe(true)
    const holder = new Database(sqlitePathFromUrl(process.env.DATABASE_URL ?? ''))
    const log = watchStateLog()
    try {
      holder.exec('BEGIN IMMEDIATE') // the write lock, as a long ingest holds it
      const failure = await site.rateLimit.consumeRateLimit(rule, '192.0.2.1', new Date()).then(() => null, (error: unknown) => error)
      expect(site.errors.isDatabaseConnectionError(failure), String(failure)).toBe(true)
      expect(oneLine(failure)).toMatch(/: the SQLite file \S+ is locked by another process \(still busy after the 5 s timeout\)$/)
      expect(site.availability.isDatabaseUnavailable()).toBe(true)
      expect(await site.answers.countAnswers()).toBe(0) // WAL: readers are not blocked by the writer
      holder.exec('ROLLBACK')
      expect((await site.rateLimit.consumeRateLimit(rule, '192.0.2.1', new Date())).allowed).toBe(true)
      expect(log.lines()).toEqual([expect.stringMatching(/^database unreachable: .*is locked by another process/), expect.stringMatching(/^database back after/)])
    } finally {
      holder.close()
      log.restore()
    }
  }, 20_000)

  it('a file in a folder that does not exist: one line naming SQLite and the file', async () => {
    const client = site.db.createDb('file:/nonexistent-ask-kb-folder/kb.db', { watchAvailability: true })
    const failure = await client.answer.count().then(() => null, (error: unknown) => error)
    expect(oneLine(failure)).toBe('DATABASE_URL file:/nonexistent-ask-kb-folder/kb.db: cannot open the SQLite file /nonexistent-ask-kb-folder/kb.db: its folder does not exist')
  })
})
