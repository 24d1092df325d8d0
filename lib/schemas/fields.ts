import { z } from 'zod'
import { slugPattern } from '@/lib/slug'

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const [y, m, d] = text.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** A real calendar date written YYYY-MM-DD; 2026-13-45 is an error, not a rollover. */
export const calendarDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isCalendarDate, { error: (issue) => `${String(issue.input)} is not a real calendar date` })

export const slugField = z
  .string()
  .regex(slugPattern, 'must be lower-case letters, digits and single hyphens, e.g. "iron-condor-basics"')

export const plainLine = (label: string, min: number, max: number) =>
  z
    .string({ error: `must be text` })
    .trim()
    .min(min, `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine((text) => !/[\r\n]/.test(text), `${label} must be a single line`)
