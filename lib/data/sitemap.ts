import 'server-only'
import { publicWhere } from '@/lib/data/answers'
import { db } from '@/lib/db'

export interface SitemapData {
  /** Public answers with the slugs of their category and tags; `changedAt` is updatedAt, else publishedAt. */
  answers: { slug: string; changedAt: string; category: string; tags: string[] }[]
  glossary: string[]
}

/** Everything the sitemap lists, in one read: categories and tags are derived from the public answers. */
export async function loadSitemapData(): Promise<SitemapData> {
  const client = await db()
  const [answers, terms] = await Promise.all([
    client.answer.findMany({
      where: publicWhere,
      select: { slug: true, publishedAt: true, revisedAt: true, category: { select: { slug: true } }, tags: { select: { tag: { select: { slug: true } } } } },
      orderBy: [{ publishedAt: 'desc' }, { slug: 'asc' }],
    }),
    client.glossaryTerm.findMany({ where: { unpublishedAt: null }, select: { slug: true }, orderBy: { slug: 'asc' } }),
  ])
  return {
    answers: answers.map((row) => ({
      slug: row.slug,
      changedAt: (row.revisedAt ?? row.publishedAt).toISOString(),
      category: row.category.slug,
      tags: row.tags.map(({ tag }) => tag.slug),
    })),
    glossary: terms.map((term) => term.slug),
  }
}
