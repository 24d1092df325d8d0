// `npm run content:review-due [-- --months N]`: a report of answers whose last review is older than N months
// (default 12), oldest first. Always exits 0 unless its arguments are wrong: CI runs it as a report, not a gate.
import { z } from 'zod'
import { describeInternalError } from '@/lib/content/internal-error'
import { findAnswersDueForReview, formatReviewReport } from '@/lib/content/review-due'
import { env } from '@/lib/env'

const argsSchema = z.union([
  z.tuple([]).transform(() => 12),
  z.tuple([z.literal('--months'), z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(120, 'must be at most 120')]).transform(([, months]) => months),
])

// `--months 6` and `--months=6` alike.
const parsed = argsSchema.safeParse(process.argv.slice(2).flatMap((arg) => (arg.startsWith('--months=') ? ['--months', arg.slice(9)] : [arg])))
if (!parsed.success) {
  console.error('usage: npm run content:review-due [-- --months N]   (N: whole months from 1 to 120; default 12)')
  process.exitCode = 2
} else {
  const months = parsed.data
  findAnswersDueForReview(env.CONTENT_DIR, months, new Date().toISOString().slice(0, 10)).then(
    (report) => console.log(formatReviewReport(report, months)),
    (error: unknown) => {
      console.error(describeInternalError(error))
      process.exitCode = 1
    },
  )
}
