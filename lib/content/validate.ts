import type { z } from 'zod'
import { frontMatterProblems, parseFrontMatter, type SplitSource } from '@/lib/content/front-matter'
import type { SourceFile } from '@/lib/content/load'
import { positionAt, type Problem } from '@/lib/content/problem'
import { answerFields, answerFrontMatterSchema, type AnswerFrontMatter } from '@/lib/schemas/answer-front-matter'
import { glossaryFields, glossaryFrontMatterSchema, type GlossaryFrontMatter } from '@/lib/schemas/glossary-front-matter'
import { slugify } from '@/lib/slug'

export interface Validated<T> {
  source: SourceFile
  data: T
  slug: string
  split: SplitSource
  bodyLine: number
}

type Result<T> = { ok: true; value: Validated<T> } | { ok: false; problems: Problem[] }

export function validateAnswer(source: SourceFile): Result<AnswerFrontMatter> {
  return validate(source, answerFrontMatterSchema, answerFields, (data) => data.slug ?? slugify(data.title), 'title')
}

export function validateGlossaryEntry(source: SourceFile): Result<GlossaryFrontMatter> {
  return validate(source, glossaryFrontMatterSchema, glossaryFields, (data) => data.slug ?? slugify(data.term), 'term')
}

function validate<T extends { slug?: string | undefined }>(
  source: SourceFile,
  schema: z.ZodType<T>,
  fields: readonly string[],
  deriveSlug: (data: T) => string,
  titleField: string,
): Result<T> {
  const parsed = parseFrontMatter(source.file, source.source)
  if (!parsed.ok) return parsed
  const split = parsed.value
  const result = schema.safeParse(split.data)
  if (!result.success) return { ok: false, problems: frontMatterProblems(source.file, split, result.error.issues, fields) }
  const slug = deriveSlug(result.data)
  if (!slug) {
    return {
      ok: false,
      problems: [{ file: source.file, ...split.locate([titleField]), message: `front matter "${titleField}" gives an empty slug; add a "slug" field` }],
    }
  }
  return { ok: true, value: { source, data: result.data, slug, split, bodyLine: positionAt(source.source, split.bodyOffset).line } }
}
