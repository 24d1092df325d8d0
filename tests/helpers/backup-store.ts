import { ingestContent } from '@/lib/content/ingest'
import { applyPragmas, createDb } from '@/lib/db'
import { fixtureContentDir } from '@/tests/helpers/backup-cli'
import { createTempDb, type TempDb } from '@/tests/helpers/temp-db'

/**
 * A migrated store holding the fixture content (ingested for real) and rows in every other table: view marks,
 * a rate-limit window, an app secret, view counts. SQLite in WAL mode, as the site runs it.
 */
export async function createFilledStore(): Promise<TempDb> {
  const temp = await createTempDb()
  await applyPragmas(temp.db)
  const report = await ingestContent({ contentDir: fixtureContentDir(), db: temp.db, write: true })
  if (report.problems.length > 0) throw new Error(`fixture ingest failed: ${report.problems.map((p) => p.message).join('; ')}`)
  await temp.db.viewMark.createMany({
    data: [
      { hash: 'mark-1', day: '2026-12-01', network: 'net-1' },
      { hash: 'mark-2', day: '2026-12-02', network: 'net-1' },
    ],
  })
  await temp.db.rateLimit.create({ data: { key: 'view-post:client-1', windowStart: new Date('2026-12-02T10:00:00Z'), count: 3 } })
  await temp.db.appSecret.create({ data: { name: 'visitor-hash', value: 'secret-value-for-the-backup-test-0123456789' } })
  await temp.db.answer.updateMany({ data: { views: 7 } })
  return temp
}

/** Rows as the snapshot checks count them, through a client of its own. */
export async function readWriterRows(url: string): Promise<{ revision: number; marks: number; secrets: number; allMarks: number }> {
  const db = createDb(url, { poolSize: 1 })
  try {
    const where = { startsWith: 'w-' }
    return {
      revision: (await db.ingestState.findUniqueOrThrow({ where: { id: 1 } })).revision,
      marks: await db.viewMark.count({ where: { hash: where } }),
      secrets: await db.appSecret.count({ where: { name: where } }),
      allMarks: await db.viewMark.count(),
    }
  } finally {
    await db.$disconnect()
  }
}
