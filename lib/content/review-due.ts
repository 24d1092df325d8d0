import { listContentFiles, loadSourceFile } from '@/lib/content/load'
import { validateAnswer } from '@/lib/content/validate'

export interface ReviewStatus {
  relPath: string
  /** reviewedAt, or publishedAt for an answer never reviewed (YYYY-MM-DD). */
  since: string
  reviewed: boolean
}

export interface ReviewReport {
  due: ReviewStatus[]
  /** Answers whose front matter does not validate: their dates cannot be trusted (content:check says why). */
  unreadable: string[]
  total: number
  cutoff: string
}

/** The day `months` calendar months before `today` (both YYYY-MM-DD, UTC); the 31st falls back to the month's end. */
export function monthsBefore(today: string, months: number): string {
  const [year = 0, month = 1, day = 1] = today.split('-').map(Number)
  const target = new Date(Date.UTC(year, month - 1 - months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(day, lastDay))
  return target.toISOString().slice(0, 10)
}

/** Answers last reviewed (or, never reviewed, published) before the cutoff, oldest first. */
export async function findAnswersDueForReview(contentDir: string, months: number, today: string): Promise<ReviewReport> {
  const cutoff = monthsBefore(today, months)
  const due: ReviewStatus[] = []
  const unreadable: string[] = []
  let total = 0
  for (const relPath of await listContentFiles(contentDir)) {
    const loaded = loadSourceFile(contentDir, relPath)
    if (loaded.ok && loaded.value.kind === 'glossary') continue
    total++
    const validated = loaded.ok ? validateAnswer(loaded.value) : undefined
    if (!validated?.ok) {
      unreadable.push(relPath)
      continue
    }
    const { reviewedAt, publishedAt } = validated.value.data
    const status = { relPath, since: reviewedAt ?? publishedAt, reviewed: reviewedAt !== undefined }
    if (status.since < cutoff) due.push(status)
  }
  due.sort((a, b) => a.since.localeCompare(b.since) || a.relPath.localeCompare(b.relPath))
  return { due, unreadable, total, cutoff }
}

export function formatReviewReport(report: ReviewReport, months: number): string {
  const lines = report.due.map((status) => `${status.relPath}: ${status.reviewed ? `last reviewed ${status.since}` : `never reviewed, published ${status.since}`}`)
  for (const relPath of report.unreadable) lines.push(`${relPath}: front matter has problems (run npm run content:check), review date unknown`)
  const period = `${months} month${months === 1 ? '' : 's'}`
  lines.push(
    report.due.length === 0
      ? `No answer is due for review: all ${report.total - report.unreadable.length} were reviewed or published within ${period} (since ${report.cutoff}).`
      : `${report.due.length} of ${report.total} answers are due for review (last reviewed or published before ${report.cutoff}, more than ${period} ago).`,
  )
  return lines.join('\n')
}
