import { beforeAll, describe, expect, it } from 'vitest'
import { ingestContent } from '@/lib/content/ingest'
import { getGlossaryTerm, termBacklinkLimit } from '@/lib/data/glossary'
import { createDb } from '@/lib/db'
import { env } from '@/lib/env'
import { deployMigrations } from '@/lib/migrate/migrations'
import { answerSource, glossaryEntry, validFields, writeContentDir } from '@/tests/helpers/content-dir'

const linking = termBacklinkLimit + 2
const day = (i: number) => `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`

// Reader queries go through the process-wide client, pointed at a private file by tests/helpers/setup-env.ts.
beforeAll(async () => {
  await deployMigrations({ databaseUrl: env.DATABASE_URL })
  const files: Record<string, string> = { 'glossary/vix.mdx': glossaryEntry('VIX') }
  for (let i = 0; i < linking; i++) {
    files[`a-${i}.mdx`] = answerSource({ ...validFields, title: `"Which answer number ${i} links the term?"`, publishedAt: day(i) }, `Answer ${i} mentions VIX.`)
  }
  files['draft.mdx'] = answerSource({ ...validFields, title: '"Which draft links the term too?"', draft: 'true' }, 'A draft that mentions VIX.')
  const db = createDb(env.DATABASE_URL)
  const report = await ingestContent({ contentDir: writeContentDir(files), db, write: true })
  expect(report.problems).toEqual([])
  await db.$disconnect()
}, 60_000)

describe('glossary term page data', () => {
  it('lists the newest answers that link a term, at most the limit, and counts them all without drafts', async () => {
    const term = await getGlossaryTerm('vix')
    expect(term?.answerCount).toBe(linking)
    expect(term?.answers).toHaveLength(termBacklinkLimit)
    const dates = term?.answers.map((answer) => answer.publishedAt) ?? []
    expect(dates).toEqual([...dates].sort().reverse())
    expect(term?.answers.some((answer) => answer.title.includes('draft'))).toBe(false)
  })
})
