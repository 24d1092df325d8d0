import { afterEach, describe, expect, it } from 'vitest'
import { ingestContent } from '@/lib/content/ingest'
import { formatProblem } from '@/lib/content/problem'
import { storedAuthorsSchema } from '@/lib/schemas/author'
import { answerSource, validFields, writeContentDir } from '@/tests/helpers/content-dir'
import { createTempDb } from '@/tests/helpers/temp-db'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

const withoutAuthor = Object.fromEntries(Object.entries(validFields).filter(([key]) => key !== 'author'))

async function ingest(fields: Record<string, string>) {
  const temp = await createTempDb()
  cleanups.push(temp.cleanup)
  const dir = writeContentDir({ 'answers/a.mdx': answerSource(fields, 'Contango means later futures cost more.') })
  const report = await ingestContent({ contentDir: dir, db: temp.db, write: true })
  const rows = await temp.db.answer.findMany({ select: { author: true, authors: true } })
  return { problems: report.problems.map(formatProblem), rows: rows.map((row) => ({ author: row.author, authors: storedAuthorsSchema.parse(JSON.parse(row.authors)) })) }
}

describe('answer authors', () => {
  it('stores `author:` as one group author', async () => {
    const { problems, rows } = await ingest(validFields)
    expect(problems).toEqual([])
    expect(rows).toEqual([{ author: 'VixShield Research Team', authors: [{ kind: 'group', name: 'VixShield Research Team' }] }])
  })

  it('stores people and groups from `authors:`, in order, with a display name for the byline', async () => {
    const { problems, rows } = await ingest({
      ...withoutAuthor,
      authors: '[{ family: Clark, given: Russell }, { family: "Dupré", given: "Élise M." }, { name: VixShield Research Team }, { family: Plato }]',
    })
    expect(problems).toEqual([])
    expect(rows).toEqual([
      {
        author: 'Russell Clark, Élise M. Dupré, VixShield Research Team and Plato',
        authors: [
          { kind: 'person', family: 'Clark', given: 'Russell' },
          { kind: 'person', family: 'Dupré', given: 'Élise M.' },
          { kind: 'group', name: 'VixShield Research Team' },
          { kind: 'person', family: 'Plato' },
        ],
      },
    ])
  })

  it('refuses neither, both, and malformed entries, naming the field', async () => {
    const neither = await ingest(withoutAuthor)
    expect(neither.rows).toEqual([])
    expect(neither.problems.join('\n')).toMatch(/answers\/a\.mdx:\d+:\d+ .*needs author \(a group name\) or authors/)

    const both = await ingest({ ...validFields, authors: '[{ family: Clark, given: Russell }]' })
    expect(both.problems.join('\n')).toMatch(/answers\/a\.mdx:\d+:\d+ .*give either author or authors, not both/)

    for (const authors of ['[]', 'Russell Clark', '[{ family: Clark, middle: R }]', '[{ given: Russell }]', '[{ name: "" }]', '[{ family: "Clark\\nEvil" }]']) {
      const bad = await ingest({ ...withoutAuthor, authors })
      expect(bad.rows, authors).toEqual([])
      expect(bad.problems.join('\n'), authors).toMatch(/answers\/a\.mdx:\d+:\d+ .*authors/)
    }
  })
})
