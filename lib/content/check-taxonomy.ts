import type { Problem } from '@/lib/content/problem'
import type { Validated } from '@/lib/content/validate'
import type { TaxonomyUsage } from '@/lib/data/taxonomy-usage'
import type { AnswerFrontMatter } from '@/lib/schemas/answer-front-matter'
import { slugify } from '@/lib/slug'

type Kind = 'category' | 'tag'

interface Claim {
  kind: Kind
  name: string
  slug: string
  answer: Validated<AnswerFrontMatter>
  path: (string | number)[]
}

/**
 * Two spellings that make the same slug would silently rename each other's page, so they are problems:
 * between files of this ingest (reported on the later file), and against the store when answers that are not
 * being rewritten still use the stored spelling. Renaming a category or tag is accepted when every answer that
 * uses it changes its spelling in the same ingest.
 */
export function checkTaxonomyNames(
  answers: readonly Validated<AnswerFrontMatter>[],
  stored: { categories: readonly TaxonomyUsage[]; tags: readonly TaxonomyUsage[] },
  rewritten: ReadonlySet<string>,
  displayStoredFile: (sourcePath: string) => string,
): Problem[] {
  const problems: Problem[] = []
  const claims = answers.flatMap((answer): Claim[] => [
    { kind: 'category', name: answer.data.category, slug: slugify(answer.data.category), answer, path: ['category'] },
    ...answer.data.tags.map((name, index): Claim => ({ kind: 'tag', name, slug: slugify(name), answer, path: ['tags', index] })),
  ])
  const first = new Map<string, Claim>()
  const storedBy = { category: new Map(stored.categories.map((row) => [row.slug, row])), tag: new Map(stored.tags.map((row) => [row.slug, row])) }
  for (const claim of claims) {
    const at = { file: claim.answer.source.file, ...claim.answer.split.locate(claim.path) }
    const page = `/${claim.kind === 'category' ? 'category' : 'tags'}/${claim.slug}`
    const key = `${claim.kind}\t${claim.slug}`
    const earlier = first.get(key)
    if (!earlier) first.set(key, claim)
    else if (earlier.name !== claim.name) {
      problems.push({ ...at, message: `${claim.kind} "${claim.name}" and "${earlier.name}" in ${earlier.answer.source.file} would share one page (${page}); spell them the same way` })
      continue
    }
    const row = storedBy[claim.kind].get(claim.slug)
    if (!row || row.name === claim.name) continue
    const others = row.answers.filter((answer) => !rewritten.has(answer.slug))
    if (others.length === 0) continue
    const named = others.slice(0, 2).map((answer) => displayStoredFile(answer.sourcePath)).join(', ') + (others.length > 2 ? ', …' : '')
    problems.push({
      ...at,
      message: `${claim.kind} "${claim.name}" is spelled "${row.name}" by ${others.length} other answer${others.length === 1 ? '' : 's'} (${named}) on the same page ${page}; use that spelling, or change it in every file at once`,
    })
  }
  return problems
}
