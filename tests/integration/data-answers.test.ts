import { beforeAll, describe, expect, it } from 'vitest'
import { ingestContent } from '@/lib/content/ingest'
import { getAnswer, listNewestAnswers, listPrerenderedAnswerSlugs, listRelatedAnswers } from '@/lib/data/answers'
import { getCategoryPage, getTagPage, listCategories, listTags } from '@/lib/data/taxonomy'
import { createDb } from '@/lib/db'
import { env } from '@/lib/env'
import { deployMigrations } from '@/lib/migrate/migrations'
import { answerSource, glossaryEntry, validFields, writeContentDir } from '@/tests/helpers/content-dir'

const answer = (title: string, category: string, tags: string, publishedAt: string, extra: Record<string, string> = {}) =>
  answerSource({ ...validFields, title: `"${title}"`, category, tags, publishedAt, ...extra }, `Body of ${title} mentioning VIX.`)

// Reader queries go through the process-wide client, pointed at a private file by tests/helpers/setup-env.ts.
beforeAll(async () => {
  await deployMigrations({ databaseUrl: env.DATABASE_URL })
  const dir = writeContentDir({
    'glossary/vix.mdx': glossaryEntry('VIX'),
    'a.mdx': answer('Which answer is the anchor here?', 'VIX Hedging', '[vix, hedging, alvh]', '2026-01-10'),
    'b.mdx': answer('Which answer shares two tags?', 'Iron Condors', '[vix, hedging]', '2026-01-01'),
    'c.mdx': answer('Which answer shares one tag only?', 'Iron Condors', '[vix]', '2026-03-01'),
    'd.mdx': answer('Which answer shares only the category?', 'VIX Hedging', '[other]', '2026-02-01'),
    'e.mdx': answer('Which answer is merely the most recent?', 'Market Indicators', '[misc]', '2026-06-01'),
    'f.mdx': answer('Which answer is still a draft here?', 'VIX Hedging', '[vix, hedging, alvh]', '2026-07-01', { draft: 'true' }),
  })
  const db = createDb(env.DATABASE_URL)
  const report = await ingestContent({ contentDir: dir, db, write: true })
  expect(report.problems).toEqual([])
  await db.$disconnect()
})

describe('answer queries', () => {
  it('returns a public answer with tags and linked terms, and hides drafts', async () => {
    const anchor = await getAnswer('which-answer-is-the-anchor-here')
    expect(anchor).toMatchObject({ title: 'Which answer is the anchor here?', category: { slug: 'vix-hedging', name: 'VIX Hedging' }, views: 0 })
    expect(anchor?.tags.map((t) => t.slug)).toEqual(['alvh', 'hedging', 'vix'])
    expect(anchor?.terms).toEqual([{ slug: 'vix', term: 'VIX', short: 'Short definition of VIX for tests.' }])
    expect(await getAnswer('which-answer-is-still-a-draft-here')).toBeNull()
    expect(await getAnswer('no-such-answer')).toBeNull()
  })

  it('orders related answers by shared tags, then category, then recency', async () => {
    const anchor = await getAnswer('which-answer-is-the-anchor-here')
    if (!anchor) throw new Error('anchor missing')
    const related = await listRelatedAnswers(anchor.id, 4)
    expect(related.map((r) => r.slug)).toEqual([
      'which-answer-shares-two-tags',
      'which-answer-shares-one-tag-only',
      'which-answer-shares-only-the-category',
      'which-answer-is-merely-the-most-recent',
    ])
  })

  it('lists newest first and counts categories and tags without drafts', async () => {
    expect((await listNewestAnswers(2)).map((a) => a.slug)).toEqual(['which-answer-is-merely-the-most-recent', 'which-answer-shares-one-tag-only'])
    expect(await listCategories()).toEqual([
      { slug: 'iron-condors', name: 'Iron Condors', count: 2 },
      { slug: 'market-indicators', name: 'Market Indicators', count: 1 },
      { slug: 'vix-hedging', name: 'VIX Hedging', count: 2 },
    ])
    expect((await listTags()).find((t) => t.slug === 'alvh')).toEqual({ slug: 'alvh', name: 'alvh', count: 1 })
    expect((await getCategoryPage('vix-hedging'))?.answers.map((a) => a.slug)).toEqual([
      'which-answer-shares-only-the-category',
      'which-answer-is-the-anchor-here',
    ])
    expect((await getTagPage('hedging'))?.answers).toHaveLength(2)
    expect(await getTagPage('nope')).toBeNull()
  })

  it('pre-renders the newest half of the budget, then the most viewed of the rest, never a draft', async () => {
    const db = createDb(env.DATABASE_URL)
    const views = { 'which-answer-shares-two-tags': 50, 'which-answer-is-the-anchor-here': 10, 'which-answer-is-still-a-draft-here': 1000 }
    for (const [slug, count] of Object.entries(views)) await db.answer.update({ where: { slug }, data: { views: count } })
    await db.$disconnect()
    expect(await listPrerenderedAnswerSlugs(4)).toEqual([
      'which-answer-is-merely-the-most-recent',
      'which-answer-shares-one-tag-only',
      'which-answer-shares-two-tags',
      'which-answer-is-the-anchor-here',
    ])
    expect(await listPrerenderedAnswerSlugs(3)).toEqual(['which-answer-is-merely-the-most-recent', 'which-answer-shares-one-tag-only', 'which-answer-shares-two-tags'])
    // A site smaller than the budget is pre-rendered whole, once each.
    expect(await listPrerenderedAnswerSlugs()).toHaveLength(5)
  })
})
