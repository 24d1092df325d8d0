import 'server-only'
import type { Db } from '@/lib/db'
import { listSelect, publicWhere, toListItem, type AnswerListItem } from './answers'

/** The most read public answers (views as counted), newest first among equals: the search page's suggestions. */
export async function listPopularAnswers(db: Db, limit: number): Promise<AnswerListItem[]> {
  const rows = await db.answer.findMany({ where: publicWhere, select: listSelect, orderBy: [{ views: 'desc' }, { publishedAt: 'desc' }, { slug: 'asc' }], take: limit })
  return rows.map(toListItem)
}
