import { z } from 'zod'
import { authorEntrySchema } from '@/lib/schemas/author'
import { calendarDate, isCalendarDate, plainLine, slugField } from '@/lib/schemas/fields'
import { slugify } from '@/lib/slug'

/** A name that gets its own page (/category/…, /tags/…) needs at least one letter or digit to make its URL. */
const pageName = (label: string, min: number, max: number) =>
  plainLine(label, min, max).refine((text) => slugify(text) !== '', {
    error: (issue) => `"${String(issue.input)}" has no letters or digits to make its page address from; use words`,
  })

// A day of slack: an editor east of UTC reviewing "today" is already on tomorrow's UTC date.
const todayPlusOne = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)

export const answerFrontMatterSchema = z
  .strictObject({
    title: plainLine('title', 10, 200),
    slug: slugField.optional(),
    category: pageName('category', 2, 60),
    tags: z
      .array(pageName('tag', 1, 40), { error: 'must be a list, e.g. [vix, hedging]' })
      .min(1, 'needs at least 1 tag')
      .max(12, 'allows at most 12 tags')
      .superRefine((tags, ctx) => {
        const seen = new Map<string, string>()
        tags.forEach((tag, index) => {
          const slug = slugify(tag)
          const first = seen.get(slug)
          if (first === undefined) seen.set(slug, tag)
          else ctx.addIssue({ code: 'custom', path: [index], message: `"${tag}" is the same tag as "${first}" (both /tags/${slug}); list it once` })
        })
      }),
    // A group name as one line (`author: VixShield Research Team`), or a list of people and groups (`authors:`).
    author: plainLine('author', 2, 120).optional(),
    authors: z
      .array(authorEntrySchema, { error: 'must be a list, e.g. [{ family: Clark, given: Russell }]' })
      .min(1, 'needs at least 1 author')
      .max(20, 'allows at most 20 authors')
      .optional(),
    basedOn: plainLine('basedOn', 2, 200).optional(),
    publishedAt: calendarDate,
    updatedAt: calendarDate.optional(),
    // Who last checked the answer for accuracy, and when (shown in the byline; `content:review-due` lists stale ones).
    reviewedBy: plainLine('reviewedBy', 2, 120).optional(),
    reviewedAt: calendarDate.optional(),
    summary: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters').optional(),
    draft: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.author === undefined && value.authors === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: 'needs author (a group name) or authors (a list of people, e.g. [{ family: Clark, given: Russell }])' })
    }
    if (value.author !== undefined && value.authors !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['authors'], message: 'give either author or authors, not both' })
    }
    // Dates are compared only when both are real (an impossible one already has its own problem).
    const comparable = (date: string | undefined): date is string => date !== undefined && isCalendarDate(date) && isCalendarDate(value.publishedAt)
    if (comparable(value.reviewedAt) && value.reviewedAt < value.publishedAt) {
      ctx.addIssue({ code: 'custom', path: ['reviewedAt'], message: `(${value.reviewedAt}) is before publishedAt (${value.publishedAt})` })
    }
    if (comparable(value.reviewedAt) && value.reviewedAt > todayPlusOne()) {
      ctx.addIssue({ code: 'custom', path: ['reviewedAt'], message: `(${value.reviewedAt}) is in the future: give the day the review was done` })
    }
    if (value.reviewedBy !== undefined && value.reviewedAt === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reviewedBy'], message: 'needs reviewedAt too: the day of the review' })
    }
    if (comparable(value.updatedAt) && value.updatedAt < value.publishedAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['updatedAt'],
        message: `(${value.updatedAt}) is before publishedAt (${value.publishedAt})`,
      })
    }
  })

export type AnswerFrontMatter = z.infer<typeof answerFrontMatterSchema>
export const answerFields = Object.keys(answerFrontMatterSchema.shape)
