import { describe, expect, it } from 'vitest'
import { applyPragmas, createDb, providerOfDb } from '@/lib/db'
import { createTempDb } from '@/tests/helpers/temp-db'
import { onPostgres } from '@/tests/helpers/test-database'

describe('createDb picks the database from the URL', () => {
  it('a client for the suite’s provider, pragmas only on SQLite, and no client for another scheme', async () => {
    const temp = await createTempDb()
    try {
      expect(providerOfDb(temp.db)).toBe(onPostgres ? 'postgresql' : 'sqlite')
      await applyPragmas(temp.db) // a no-op on PostgreSQL, where PRAGMA is a syntax error
      const [row] = await temp.db.$queryRawUnsafe<{ n: number | bigint }[]>('SELECT COUNT(*) AS n FROM "Answer"')
      expect(Number(row?.n)).toBe(0)
    } finally {
      await temp.cleanup()
    }
    expect(() => createDb('mysql://db/kb')).toThrow(/must start with "file:" \(SQLite\) or "postgresql:\/\/"/)
  })

  it.skipIf(!onPostgres)('PostgreSQL: the statement timeout is set on every connection and cancels a long statement [needs the PostgreSQL suite’s server]', async () => {
    const temp = await createTempDb()
    const db = createDb(temp.url, { statementTimeoutMs: 300, poolSize: 2 })
    try {
      const [setting] = await db.$queryRawUnsafe<{ statement_timeout: string }[]>('SHOW statement_timeout')
      expect(setting?.statement_timeout).toBe('300ms')
      const started = performance.now()
      await expect(db.$queryRawUnsafe('SELECT pg_sleep(5)')).rejects.toThrow(/statement timeout/)
      expect(performance.now() - started).toBeLessThan(3000)
      // The connection is usable again at once.
      expect(await db.answer.count()).toBe(0)
    } finally {
      await db.$disconnect()
      await temp.cleanup()
    }
  })
})
