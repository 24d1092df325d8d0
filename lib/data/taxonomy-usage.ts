import 'server-only'
import type { Db } from '@/lib/db'

/** A stored category or tag and the active answers filed under it. */
export interface TaxonomyUsage {
  slug: string
  name: string
  answers: { slug: string; sourcePath: string }[]
}

/** How the given category and tag slugs are spelled in the store, and which active answers use each. */
export async function loadTaxonomyUsage(db: Db, slugs: { categories: string[]; tags: string[] }): Promise<{ categories: TaxonomyUsage[]; tags: TaxonomyUsage[] }> {
  const active = { unpublishedAt: null }
  const [categories, tags] = await Promise.all([
    db.category.findMany({
      where: { slug: { in: slugs.categories } },
      select: { slug: true, name: true, answers: { where: active, select: { slug: true, sourcePath: true } } },
    }),
    db.tag.findMany({
      where: { slug: { in: slugs.tags } },
      select: { slug: true, name: true, answers: { where: { answer: active }, select: { answer: { select: { slug: true, sourcePath: true } } } } },
    }),
  ])
  return { categories, tags: tags.map((tag) => ({ ...tag, answers: tag.answers.map((row) => row.answer) })) }
}
