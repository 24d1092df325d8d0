import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatSummary, ingestContent } from '@/lib/content/ingest'
import { answerSource, glossaryEntry, validFields, writeContentDir } from '@/tests/helpers/content-dir'
import { createTempDb } from '@/tests/helpers/temp-db'

const answer = (title: string, body: string, extra: Record<string, string> = {}) =>
  answerSource({ ...validFields, title: `"${title}"`, ...extra }, body)

describe('ingest lifecycle against a real SQLite file', () => {
  let temp: Awaited<ReturnType<typeof createTempDb>>
  let dir: string
  beforeEach(async () => {
    temp = await createTempDb()
    dir = writeContentDir({
      'glossary/vix.mdx': glossaryEntry('VIX', [], ['contango']),
      'glossary/contango.mdx': glossaryEntry('Contango', [], ['vix']),
      'answers/one.mdx': answer('What moves the VIX index?', 'The VIX rises when puts get bid.\n\nMore text here.'),
      'answers/two.mdx': answer('Why does contango cost money?', 'Contango makes long VIX futures bleed.', { updatedAt: '2026-04-01' }),
      'answers/three.mdx': answer('What is roll yield on a steep curve?', 'Roll yield is about steepness.', { draft: 'true' }),
    })
  })
  afterEach(async () => temp.cleanup())

  const run = () => ingestContent({ contentDir: dir, db: temp.db, write: true })

  it('stores new answers with links, then skips unchanged ones', async () => {
    const first = await run()
    expect(first.problems).toEqual([])
    expect(first.answers).toMatchObject({ total: 3, new: 3, changed: 0, unchanged: 0, unpublished: 0 })
    expect(first.glossary).toMatchObject({ total: 2, new: 2 })
    expect(formatSummary(first)).toMatch(/^3 answers: 3 new, 0 changed, 0 unchanged, 0 unpublished \(\d+\.\d s\)\n2 glossary terms: 2 new/)

    const two = await temp.db.answer.findUniqueOrThrow({
      where: { slug: 'why-does-contango-cost-money' },
      include: { terms: { include: { term: true }, orderBy: { position: 'asc' } }, category: true, tags: { include: { tag: true } } },
    })
    expect(two.terms.map((t) => t.term.slug)).toEqual(['contango', 'vix'])
    expect(two.category.slug).toBe('volatility-products')
    expect(two.tags.map((t) => t.tag.slug).sort()).toEqual(['contango', 'vix'])
    expect(two.revisedAt?.toISOString()).toBe('2026-04-01T00:00:00.000Z')
    expect(two.summary).toBe('Contango makes long VIX futures bleed.')
    expect(two.code).toContain('"tagName":"Term","properties":{"slug":"contango"}')

    const second = await run()
    expect(second.answers).toMatchObject({ total: 3, new: 0, changed: 0, unchanged: 3, unpublished: 0 })
    expect(second.glossary).toMatchObject({ unchanged: 2 })
  })

  it('updates changed files and unpublishes (not deletes) answers whose files disappeared', async () => {
    await run()
    writeFileSync(path.join(dir, 'answers/one.mdx'), answer('What moves the VIX index?', 'Rewritten: the VIX follows SPX option prices.'))
    rmSync(path.join(dir, 'answers/two.mdx'))
    const report = await run()
    expect(report.answers).toMatchObject({ total: 2, new: 0, changed: 1, unchanged: 1, unpublished: 1 })
    const gone = await temp.db.answer.findUniqueOrThrow({ where: { slug: 'why-does-contango-cost-money' } })
    expect(gone.unpublishedAt).not.toBeNull()
    const one = await temp.db.answer.findUniqueOrThrow({ where: { slug: 'what-moves-the-vix-index' } })
    expect(one.summary).toBe('Rewritten: the VIX follows SPX option prices.')

    writeFileSync(path.join(dir, 'answers/two.mdx'), answer('Why does contango cost money?', 'Back again with contango.'))
    const back = await run()
    // Counted as new: it was not published a moment ago. The row (and its view count) is reused.
    expect(back.answers).toMatchObject({ new: 1, changed: 0, unpublished: 0 })
    expect((await temp.db.answer.findUniqueOrThrow({ where: { slug: 'why-does-contango-cost-money' } })).unpublishedAt).toBeNull()
  })

  it('re-links old answers when a glossary term is added, without touching their files', async () => {
    await run()
    writeFileSync(path.join(dir, 'glossary/roll-yield.mdx'), glossaryEntry('Roll Yield', ['roll yields']))
    const report = await run()
    expect(report.problems).toEqual([])
    expect(report.glossary).toMatchObject({ new: 1, unchanged: 2 })
    // Only the draft mentions roll yield; the other two keep their links and are not recompiled.
    expect(report.answers).toMatchObject({ relinked: 1, unchanged: 2 })
    const draft = await temp.db.answer.findUniqueOrThrow({ where: { slug: 'what-is-roll-yield-on-a-steep-curve' }, include: { terms: { include: { term: true } } } })
    expect(draft.terms.map((t) => t.term.slug)).toEqual(['roll-yield'])

    rmSync(path.join(dir, 'glossary/roll-yield.mdx'))
    const removed = await run()
    expect(removed.glossary).toMatchObject({ unpublished: 1 })
    expect(removed.answers).toMatchObject({ relinked: 1 })
    const after = await temp.db.answer.findUniqueOrThrow({ where: { slug: 'what-is-roll-yield-on-a-steep-curve' }, include: { terms: true } })
    expect(after.terms).toEqual([])
  })

  it('reports a glossary alias claimed twice, naming both files, and writes nothing', async () => {
    writeFileSync(path.join(dir, 'glossary/vix-index.mdx'), glossaryEntry('VIX Index', ['VIX']))
    const report = await run()
    expect(report.problems).toEqual([
      {
        // Files are read in name order, so vix-index.mdx claims "VIX" first and vix.mdx is the one reported.
        file: path.join(dir, 'glossary/vix.mdx'),
        line: 2,
        column: 7,
        message: `glossary term or alias "VIX" is also claimed by ${path.join(dir, 'glossary/vix-index.mdx')} ("VIX Index")`,
      },
    ])
    expect(await temp.db.answer.count()).toBe(0)
  })

  it('reports an unknown related slug at its position', async () => {
    writeFileSync(path.join(dir, 'glossary/theta.mdx'), glossaryEntry('Theta', [], ['vix', 'gamma']))
    const report = await run()
    expect(report.problems).toEqual([{ file: path.join(dir, 'glossary/theta.mdx'), line: 5, column: 17, message: 'unknown related glossary slug "gamma"' }])
  })

  it('check mode validates everything and writes nothing', async () => {
    const report = await ingestContent({ contentDir: dir, db: temp.db, write: false })
    expect(report.problems).toEqual([])
    expect(report.answers.new).toBe(3)
    expect(await temp.db.answer.count()).toBe(0)
  })
})
