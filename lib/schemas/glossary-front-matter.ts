import { z } from 'zod'
import { plainLine, slugField } from '@/lib/schemas/fields'

export const glossaryFrontMatterSchema = z.strictObject({
  term: plainLine('term', 1, 120),
  slug: slugField.optional(),
  aliases: z.array(plainLine('alias', 1, 120), { error: 'must be a list, e.g. ["IV", "implied vol"]' }).max(30).default([]),
  short: plainLine('short', 10, 300),
  related: z.array(slugField, { error: 'must be a list of term slugs, e.g. [contango, vix]' }).max(20).default([]),
  category: plainLine('category', 2, 60).optional(),
})

export type GlossaryFrontMatter = z.infer<typeof glossaryFrontMatterSchema>
export const glossaryFields = Object.keys(glossaryFrontMatterSchema.shape)
