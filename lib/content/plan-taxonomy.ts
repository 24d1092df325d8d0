import path from 'node:path'
import { checkTaxonomyNames } from '@/lib/content/check-taxonomy'
import { displayPath } from '@/lib/content/load'
import type { AnswerPlan } from '@/lib/content/plan-answers'
import type { Problem } from '@/lib/content/problem'
import { loadTaxonomyUsage } from '@/lib/data/taxonomy-usage'
import type { Db } from '@/lib/db'
import { slugify } from '@/lib/slug'

/** Category and tag spellings of the answers to write, checked against each other and against the store. */
export async function planTaxonomy(db: Db | null, plan: AnswerPlan, contentDir: string): Promise<Problem[]> {
  const answers = plan.toCompile.map((item) => item.answer)
  if (answers.length === 0) return []
  const stored = db
    ? await loadTaxonomyUsage(db, {
        categories: [...new Set(answers.map((a) => slugify(a.data.category)))],
        tags: [...new Set(answers.flatMap((a) => a.data.tags.map(slugify)))],
      })
    : { categories: [], tags: [] }
  const rewritten = new Set([...answers.map((a) => a.slug), ...plan.removals])
  return checkTaxonomyNames(answers, stored, rewritten, (sourcePath) => displayPath(path.join(contentDir, sourcePath)))
}
