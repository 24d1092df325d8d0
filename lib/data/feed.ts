import 'server-only'
import { publicWhere } from '@/lib/data/answers'
import { db } from '@/lib/db'

export interface FeedAnswer {
  slug: string
  title: string
  summary: string
  publishedAt: string
  revisedAt: string | null
  category: string
}

/** The newest public answers by publication date (then slug, so equal dates keep one order). */
export async function listFeedAnswers(limit: number): Promise<FeedAnswer[]> {
  const client = await db()
  const rows = await client.answer.findMany({
    where: publicWhere,
    select: { slug: true, title: true, summary: true, publishedAt: true, revisedAt: true, category: { select: { name: true } } },
    orderBy: [{ publishedAt: 'desc' }, { slug: 'asc' }],
    take: limit,
  })
  return rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    publishedAt: row.publishedAt.toISOString(),
    revisedAt: row.revisedAt?.toISOString() ?? null,
    category: row.category.name,
  }))
}
