import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ingestContent, IngestNotAppliedError } from '@/lib/content/ingest'
import { applyPragmas } from '@/lib/db'
import { answerSource, glossaryEntry, validFields, writeContentDir } from '@/tests/helpers/content-dir'
import { dumpStore } from '@/tests/helpers/store-dump'
import { createTempDb } from '@/tests/helpers/temp-db'
import { onPostgres } from '@/tests/helpers/test-database'

const answer = (title: string, body: string, extra: Record<string, string> = {}) =>
  answerSource({ ...validFields, title: `"${title}"`, ...extra }, body)

// Each trigger aborts one statement of the write transaction after the earlier stages have written their rows.
const failurePoints = [
  { stage: 'answer tags (after glossary, categories, tags and answers)', trigger: `BEFORE INSERT ON "AnswerTag"` },
  { stage: 'glossary links (after the answer tags)', trigger: `BEFORE INSERT ON "AnswerTerm"` },
  { stage: 'removals (the last statement)', trigger: `BEFORE UPDATE OF "unpublishedAt" ON "Answer" WHEN NEW."unpublishedAt" IS NOT NULL` },
]

describe('a write transaction that fails part-way leaves the store exactly as it was', () => {
  let temp: Awaited<ReturnType<typeof createTempDb>>
  let dir: string
  beforeEach(async () => {
    temp = await createTempDb()
    await applyPragmas(temp.db)
    dir = writeContentDir({
      'glossary/vix.mdx': glossaryEntry('VIX'),
      'glossary/contango.mdx': glossaryEntry('Contango'),
      'answers/one.mdx': answer('What moves the VIX index?', 'The VIX rises when puts get bid.'),
      'answers/two.mdx': answer('Why does contango cost money?', 'Contango makes long VIX futures bleed.'),
      'answers/three.mdx': answer('What is roll yield on a steep curve?', 'Roll yield is about steepness.'),
    })
    const first = await ingestContent({ contentDir: dir, db: temp.db, write: true })
    expect(first.problems).toEqual([])
    // The next ingest touches every stage: a new term, a changed answer, a new answer with a new category and
    // tag, and a removed answer.
    writeFileSync(path.join(dir, 'glossary/roll-yield.mdx'), glossaryEntry('Roll Yield'))
    writeFileSync(path.join(dir, 'answers/one.mdx'), answer('What moves the VIX index?', 'Rewritten: the VIX follows SPX puts, and contango.'))
    writeFileSync(path.join(dir, 'answers/four.mdx'), answer('How do VIX calls behave in a crash?', 'VIX calls gain as roll yield flips.', { category: 'Crash Hedges', tags: '[vix, calls]' }))
    rmSync(path.join(dir, 'answers/two.mdx'))
  })
  afterEach(async () => temp.cleanup())

  // The same failure in each dialect: SQLite's RAISE(ABORT) in the trigger body, PostgreSQL's trigger function.
  async function createAbortTrigger(trigger: string): Promise<void> {
    if (!onPostgres) {
      await temp.db.$executeRawUnsafe(`CREATE TRIGGER "test_abort" ${trigger} BEGIN SELECT RAISE(ABORT, 'test: injected failure'); END`)
      return
    }
    await temp.db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_abort() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'test: injected failure'; END $$`)
    const [timing, condition] = trigger.split(' WHEN ')
    await temp.db.$executeRawUnsafe(`CREATE TRIGGER "test_abort" ${timing} FOR EACH ROW ${condition ? `WHEN (${condition})` : ''} EXECUTE FUNCTION test_abort()`)
  }

  for (const { stage, trigger } of failurePoints) {
    it(`fails at ${stage}`, async () => {
      await createAbortTrigger(trigger)
      const before = await dumpStore(temp.url)
      expect(before.Answer).toHaveLength(3)

      const failed = ingestContent({ contentDir: dir, db: temp.db, write: true })
      await expect(failed).rejects.toBeInstanceOf(IngestNotAppliedError)
      await expect(failed).rejects.toThrow(
        /^writing the content store failed \(test: injected failure\); the transaction was rolled back and nothing was written$/,
      )
      expect(await dumpStore(temp.url)).toEqual(before)

      // The same plan applies in full once the obstacle is gone: the failure was the write's, not the plan's.
      await temp.db.$executeRawUnsafe(onPostgres ? `DROP TRIGGER "test_abort" ON ${/ ON ("\w+")/.exec(trigger)?.[1] ?? ''}` : `DROP TRIGGER "test_abort"`)
      const report = await ingestContent({ contentDir: dir, db: temp.db, write: true })
      expect(report.answers).toEqual({ total: 3, new: 1, changed: 1, relinked: 1, unchanged: 0, unpublished: 1 })
      const after = await dumpStore(temp.url)
      expect(after.Answer).toHaveLength(4)
      expect(after.Category).toHaveLength(2)
      expect(after.AnswerTerm?.length).toBeGreaterThan(before.AnswerTerm?.length ?? 0)
      const state = await temp.db.ingestState.findUniqueOrThrow({ where: { id: 1 } })
      expect(state.revision).toBe(2)
    })
  }
})
