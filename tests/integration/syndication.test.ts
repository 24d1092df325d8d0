import { rmSync } from 'node:fs'
import path from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { resolveSitemap } from 'next/dist/build/webpack/loaders/metadata/resolve-route-data'
import Parser from 'rss-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { ingestContent } from '@/lib/content/ingest'
import { listFeedAnswers } from '@/lib/data/feed'
import { loadSitemapData } from '@/lib/data/sitemap'
import { createDb } from '@/lib/db'
import { env } from '@/lib/env'
import { buildRssFeed, feedSize } from '@/lib/metadata/rss-feed'
import { sitemapEntries } from '@/lib/metadata/sitemap-entries'
import { deployMigrations } from '@/lib/migrate/migrations'
import { site } from '@/lib/site'
import { answerSource, glossaryEntry, validFields, writeContentDir } from '@/tests/helpers/content-dir'

const answer = (title: string, category: string, tags: string, publishedAt: string, extra: Record<string, string> = {}) =>
  answerSource({ ...validFields, title: `"${title}"`, category, tags, publishedAt, ...extra }, `Body of ${title} about VIX.`)

// Readers go through the process-wide client, pointed at a private database file by tests/helpers/setup-env.ts.
beforeAll(async () => {
  await deployMigrations({ databaseUrl: env.DATABASE_URL })
  const files: Record<string, string> = {
    'glossary/vix.mdx': glossaryEntry('VIX'),
    'public-old.mdx': answer('Which public answer is the oldest one?', 'Iron Condors', '[condors]', '2026-01-05', { updatedAt: '2026-04-01' }),
    'public-new.mdx': answer('Which public answer came out last here?', 'VIX Hedging', '[vix, hedging]', '2026-03-01'),
    'draft.mdx': answer('Which answer is only a draft so far?', 'Draft Category', '[draft-only-tag]', '2026-05-01', { draft: 'true' }),
    'gone.mdx': answer('Which answer will have been unpublished?', 'Gone Category', '[gone-tag, vix]', '2026-05-02'),
  }
  for (let i = 0; i < 55; i++) {
    files[`bulk/${i}.mdx`] = answer(`Which bulk answer has number ${i} here?`, 'Market Indicators', '[bulk]', `2025-01-${String((i % 28) + 1).padStart(2, '0')}`)
  }
  const dir = writeContentDir(files)
  const db = createDb(env.DATABASE_URL)
  expect((await ingestContent({ contentDir: dir, db, write: true })).problems).toEqual([])
  rmSync(path.join(dir, 'gone.mdx'))
  const second = await ingestContent({ contentDir: dir, db, write: true })
  expect(second.answers).toMatchObject({ unpublished: 1 })
  await db.$disconnect()
})

describe('feed', () => {
  it('holds the newest 50 public answers, newest first, and no draft or unpublished one', async () => {
    const answers = await listFeedAnswers(feedSize)
    expect(answers).toHaveLength(50)
    expect(answers.slice(0, 2).map((a) => a.slug)).toEqual(['which-public-answer-came-out-last-here', 'which-public-answer-is-the-oldest-one'])
    const published = answers.map((a) => a.publishedAt)
    expect(published).toEqual([...published].sort().reverse())
    const feed = await new Parser().parseString(buildRssFeed({ title: site.name, description: site.description, language: site.locale }, answers))
    expect(feed.items).toHaveLength(50)
    expect(feed.items.map((item) => item.title).filter((title) => /draft|unpublished/.test(title ?? ''))).toEqual([])
    expect(feed.lastBuildDate).toBe('Wed, 01 Apr 2026 00:00:00 GMT')
  })
})

describe('sitemap', () => {
  const parse = async () => {
    const xml = resolveSitemap(sitemapEntries(await loadSitemapData()))
    expect(XMLValidator.validate(xml)).toBe(true)
    const urls = new XMLParser({ isArray: (name) => name === 'url' }).parse(xml).urlset.url as { loc: string; lastmod?: string }[]
    return new Map(urls.map((url) => [url.loc.replace(site.url, ''), url.lastmod]))
  }

  it('lists every public answer, category, tag and glossary page with lastmod from the stored dates', async () => {
    const urls = await parse()
    expect(urls.get('/ask/which-public-answer-is-the-oldest-one')).toBe('2026-04-01')
    expect(urls.get('/ask/which-public-answer-came-out-last-here')).toBe('2026-03-01')
    expect(urls.get('/category/iron-condors')).toBe('2026-04-01')
    expect(urls.get('/tags/vix')).toBe('2026-03-01')
    expect(urls.get('/')).toBe('2026-04-01')
    expect(urls.has('/glossary/vix')).toBe(true)
    expect(urls.get('/glossary/vix')).toBeUndefined()
    expect([...urls.keys()].filter((key) => key.startsWith('/ask/'))).toHaveLength(57)
  })

  it('leaves out drafts, unpublished answers and the categories and tags only they use', async () => {
    const keys = [...(await parse()).keys()]
    expect(keys.filter((key) => /draft|unpublished|gone/.test(key))).toEqual([])
    // The tag the unpublished answer shared with a public one stays.
    expect(keys).toContain('/tags/vix')
  })
})
