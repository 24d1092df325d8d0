import { z } from 'zod'
import { calendarDate, plainLine, slugField } from '@/lib/schemas/fields'

export const answerFrontMatterSchema = z
  .strictObject({
    title: plainLine('title', 10, 200),
    slug: slugField.optional(),
    category: plainLine('category', 2, 60),
    tags: z
      .array(plainLine('tag', 1, 40), { error: 'must be a list, e.g. [vix, hedging]' })
      .min(1, 'needs at least 1 tag')
      .max(12, 'allows at most 12 tags'),
    author: plainLine('author', 2, 120),
    basedOn: plainLine('basedOn', 2, 200).optional(),
    publishedAt: calendarDate,
    updatedAt: calendarDate.optional(),
    summary: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters').optional(),
    draft: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.updatedAt && value.updatedAt < value.publishedAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['updatedAt'],
        message: `(${value.updatedAt}) is before publishedAt (${value.publishedAt})`,
      })
    }
  })

export type AnswerFrontMatter = z.infer<typeof answerFrontMatterSchema>
export const answerFields = Object.keys(answerFrontMatterSchema.shape)
