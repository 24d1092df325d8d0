import type { CompiledBody } from '@/lib/content/compile'
import type { GlossaryIndex } from '@/lib/content/glossary'
import type { Validated } from '@/lib/content/validate'
import type { AnswerWrite, GlossaryWrite } from '@/lib/data/content-store'
import type { AnswerFrontMatter } from '@/lib/schemas/answer-front-matter'
import { joinAuthorNames, toAuthor, type Author } from '@/lib/schemas/author'
import type { GlossaryFrontMatter } from '@/lib/schemas/glossary-front-matter'
import { site } from '@/lib/site'
import { slugify } from '@/lib/slug'

const toDate = (isoDay: string) => new Date(`${isoDay}T00:00:00.000Z`)

/** The first paragraph cut at a word boundary, for answers without an explicit summary. */
export function deriveSummary(firstParagraph: string, max = 300): string {
  if (firstParagraph.length <= max) return firstParagraph
  const cut = firstParagraph.slice(0, max - 3)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.-]+$/, '')}...`
}

export function toAnswerWrite(
  answer: Validated<AnswerFrontMatter>,
  compiled: CompiledBody,
  index: GlossaryIndex,
): AnswerWrite {
  const { data } = answer
  const tags = new Map<string, string>()
  for (const name of data.tags) {
    const slug = slugify(name)
    if (slug && !tags.has(slug)) tags.set(slug, name)
  }
  const authors: Author[] = data.authors ? data.authors.map(toAuthor) : [{ kind: 'group', name: data.author ?? '' }]
  return {
    slug: answer.slug,
    sourcePath: answer.source.relPath,
    title: data.title,
    category: { slug: slugify(data.category), name: data.category },
    tags: [...tags].map(([slug, name]) => ({ slug, name })),
    author: joinAuthorNames(authors),
    authors,
    basedOn: data.basedOn ?? null,
    publishedAt: toDate(data.publishedAt),
    revisedAt: data.updatedAt ? toDate(data.updatedAt) : null,
    reviewedBy: data.reviewedBy ?? null,
    reviewedAt: data.reviewedAt ? toDate(data.reviewedAt) : null,
    summary: data.summary ?? deriveSummary(compiled.firstParagraph),
    draft: data.draft ?? false,
    code: compiled.code,
    wordCount: compiled.wordCount,
    readingMinutes: Math.max(1, Math.round(compiled.wordCount / site.wordsPerMinute)),
    contentHash: answer.source.hash,
    glossaryVersion: index.version,
    terms: compiled.terms,
  }
}

export function toGlossaryWrite(entry: Validated<GlossaryFrontMatter>, compiled: CompiledBody): GlossaryWrite {
  return {
    slug: entry.slug,
    sourcePath: entry.source.relPath,
    term: entry.data.term,
    aliases: entry.data.aliases,
    short: entry.data.short,
    related: entry.data.related,
    category: entry.data.category ?? null,
    code: compiled.code,
    contentHash: entry.source.hash,
  }
}
