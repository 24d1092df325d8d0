import { z } from 'zod'
import { slugPattern } from '@/lib/slug'

const slugParam = z.string().max(200).regex(slugPattern)

/** A URL segment that can name an answer, category, tag or term; anything else is a 404 without a query. */
export function parseSlugParam(value: string): string | null {
  const result = slugParam.safeParse(value)
  return result.success ? result.data : null
}
