import 'server-only'
import type { AnswerWrite } from '@/lib/data/content-store'
import { chunk, type Tx } from '@/lib/data/sql-rows'

type Named = { slug: string; name: string }

/** Categories: one lookup, one batched insert for the new ones, updates only for renamed ones. Returns slug → id. */
export async function writeCategoryRows(tx: Tx, answers: readonly AnswerWrite[]): Promise<Map<string, number>> {
  const categories: Named[] = [...new Map(answers.map((a) => [a.category.slug, a.category])).values()]
  const slugs = categories.map((c) => c.slug)
  const known = new Map((await tx.category.findMany({ where: { slug: { in: slugs } } })).map((k) => [k.slug, k]))
  const fresh = categories.filter((c) => !known.has(c.slug))
  if (fresh.length > 0) await tx.category.createMany({ data: fresh })
  for (const category of categories) {
    const row = known.get(category.slug)
    if (row && row.name !== category.name) await tx.category.update({ where: { id: row.id }, data: { name: category.name } })
  }
  const rows = await tx.category.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })
  return new Map(rows.map((c) => [c.slug, c.id]))
}

/** Tags: inserted when new, renamed when every answer using one changed its spelling (lib/content/check-taxonomy.ts). Returns slug → id. */
export async function writeTagRows(tx: Tx, answers: readonly AnswerWrite[]): Promise<Map<string, number>> {
  const tags: Named[] = [...new Map(answers.flatMap((a) => a.tags).map((t) => [t.slug, t])).values()]
  const ids = new Map<string, number>()
  for (const batch of chunk(tags, 500)) {
    const slugs = batch.map((t) => t.slug)
    const known = new Map((await tx.tag.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true, name: true } })).map((t) => [t.slug, t]))
    const fresh = batch.filter((t) => !known.has(t.slug))
    if (fresh.length > 0) await tx.tag.createMany({ data: fresh })
    for (const tag of batch) {
      const row = known.get(tag.slug)
      if (row && row.name !== tag.name) await tx.tag.update({ where: { id: row.id }, data: { name: tag.name } })
    }
    for (const row of await tx.tag.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })) ids.set(row.slug, row.id)
  }
  return ids
}
