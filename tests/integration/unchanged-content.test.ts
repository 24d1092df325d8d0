import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ingestContent } from '@/lib/content/ingest'
import { detectUnchangedContent } from '@/lib/content/unchanged'
import { migrationsAreApplied } from '@/lib/migrate/applied'
import { answerSource, glossaryEntry, validFields, writeContentDir } from '@/tests/helpers/content-dir'
import { createTempDb } from '@/tests/helpers/temp-db'
import { onPostgres } from '@/tests/helpers/test-database'
import { isMigratedPostgres } from '@/lib/migrate/migrations'

const answer = (title: string, body: string) => answerSource({ ...validFields, title: `"${title}"` }, body)

// The CLI's shortcut must say "unchanged" exactly when the full ingest would skip every file, and never otherwise.
describe('detectUnchangedContent against a real store', () => {
  let temp: Awaited<ReturnType<typeof createTempDb>>
  let dir: string
  beforeEach(async () => {
    temp = await createTempDb()
    dir = writeContentDir({
      'glossary/vix.mdx': glossaryEntry('VIX'),
      'answers/one.mdx': answer('What moves the VIX index?', 'The VIX rises when puts get bid.'),
      'answers/two.mdx': answer('Why does contango cost money?', 'Contango makes long futures bleed.'),
    })
    const first = await ingestContent({ contentDir: dir, db: temp.db, write: true })
    expect(first.problems).toEqual([])
  })
  afterEach(async () => temp.cleanup())

  const detect = () => detectUnchangedContent(dir, temp.url)
  const sql = (statement: string) => temp.db.$executeRawUnsafe(statement)

  it('reports every file unchanged right after an ingest, with the counts the full ingest prints', async () => {
    expect(await detect()).toEqual({
      answers: { total: 2, new: 0, changed: 0, relinked: 0, unchanged: 2, unpublished: 0 },
      glossary: { total: 1, new: 0, changed: 0, relinked: 0, unchanged: 1, unpublished: 0 },
    })
    const full = await ingestContent({ contentDir: dir, db: temp.db, write: true })
    expect({ answers: full.answers, glossary: full.glossary }).toEqual(await detect())
  })

  it('hands over to the pipeline when an answer or a glossary entry changed, appeared or disappeared', async () => {
    writeFileSync(path.join(dir, 'answers/one.mdx'), answer('What moves the VIX index?', 'Edited body.'))
    expect(await detect()).toBeNull()
    await ingestContent({ contentDir: dir, db: temp.db, write: true })
    expect(await detect()).not.toBeNull()

    writeFileSync(path.join(dir, 'answers/three.mdx'), answer('What is a third question?', 'New answer.'))
    expect(await detect()).toBeNull()
    rmSync(path.join(dir, 'answers/three.mdx'))
    expect(await detect()).not.toBeNull()

    rmSync(path.join(dir, 'answers/two.mdx'))
    expect(await detect()).toBeNull()
    await ingestContent({ contentDir: dir, db: temp.db, write: true })
    expect(await detect()).not.toBeNull()

    writeFileSync(path.join(dir, 'glossary/vix.mdx'), glossaryEntry('VIX', ['Cboe VIX']))
    expect(await detect()).toBeNull()
  })

  it('hands over when answers were linked against different glossary versions', async () => {
    await sql(`UPDATE "Answer" SET "glossaryVersion" = 'older' WHERE "sourcePath" = 'answers/one.mdx'`)
    expect(await detect()).toBeNull()
  })

  it('hands over for a file that does not load, a missing or foreign store, or a pending migration', async () => {
    writeFileSync(path.join(dir, 'answers/bad.mdx'), Buffer.from([0xff, 0xfe, 0x00]))
    expect(await detect()).toBeNull()
    rmSync(path.join(dir, 'answers/bad.mdx'))

    expect(await detectUnchangedContent(dir, `file:${path.join(temp.dir, 'absent.db')}`)).toBeNull()
    expect(await detectUnchangedContent(dir, 'postgresql://localhost/kb')).toBeNull()
    writeFileSync(path.join(temp.dir, 'not-a-db.db'), 'plain text, not SQLite')
    expect(await detectUnchangedContent(dir, `file:${path.join(temp.dir, 'not-a-db.db')}`)).toBeNull()

    await sql(`DELETE FROM "_prisma_migrations" WHERE migration_name = (SELECT max(migration_name) FROM "_prisma_migrations")`)
    expect(await detect()).toBeNull()
  })
})

describe('migrationsAreApplied / isMigratedPostgres (the fast path past the schema engine)', () => {
  const checkAfter = async (statement: string) => {
    const temp = await createTempDb()
    if (onPostgres) {
      try {
        await temp.db.$executeRawUnsafe(statement)
        return await isMigratedPostgres(temp.url)
      } finally {
        await temp.cleanup()
      }
    }
    const connection = new Database(temp.file)
    try {
      connection.exec(statement)
      return migrationsAreApplied(connection)
    } finally {
      connection.close()
      await temp.cleanup()
    }
  }
  const latest = `(SELECT max(migration_name) FROM "_prisma_migrations")`

  it('is true only when exactly the local migrations are recorded, finished, with their checksums', async () => {
    expect(await checkAfter('SELECT 1')).toBe(true)
    expect(await checkAfter(`UPDATE "_prisma_migrations" SET checksum = 'edited' WHERE migration_name = ${latest}`)).toBe(false)
    expect(await checkAfter(`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = ${latest}`)).toBe(false)
    expect(await checkAfter(`UPDATE "_prisma_migrations" SET rolled_back_at = finished_at WHERE migration_name = ${latest}`)).toBe(false)
    expect(
      await checkAfter(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('x', 'y', '29990101000000_from_the_future', '2999-01-01', 1)`,
      ),
    ).toBe(false)
    expect(await checkAfter('DROP TABLE "_prisma_migrations"')).toBe(false)
  })
})
