import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { ingestContent } from '@/lib/content/ingest'
import { formatProblem } from '@/lib/content/problem'
import { findAnswersDueForReview, formatReviewReport, monthsBefore } from '@/lib/content/review-due'
import { answerSource, validFields, writeContentDir } from '@/tests/helpers/content-dir'

const answer = (title: string, extra: Record<string, string>) => answerSource({ ...validFields, title: `"${title}"`, ...extra }, 'Contango means later futures cost more.')

describe('monthsBefore', () => {
  it('counts calendar months, falling back to the end of a shorter month', () => {
    expect(monthsBefore('2026-12-02', 12)).toBe('2025-12-02')
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28')
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29')
    expect(monthsBefore('2026-01-15', 13)).toBe('2024-12-15')
  })
})

describe('content:review-due', () => {
  const dir = writeContentDir({
    'answers/old-review.mdx': answer('Reviewed long ago: is it still right?', { publishedAt: '2024-01-10', reviewedBy: 'Jane Doe', reviewedAt: '2025-02-01' }),
    'answers/never.mdx': answer('Never reviewed at all: what now?', { publishedAt: '2025-06-01' }),
    'answers/fresh.mdx': answer('Reviewed recently: all good here?', { publishedAt: '2024-05-05', reviewedAt: '2026-11-01' }),
    'answers/new.mdx': answer('Published last month: due yet?', { publishedAt: '2026-11-20' }),
    'answers/broken.mdx': '---\ntitle: [unclosed\n---\n\nBody.\n',
  })

  it('lists answers last reviewed (or published) before the cutoff, oldest first, and those it cannot read', async () => {
    const report = await findAnswersDueForReview(dir, 12, '2026-12-02')
    expect(report.due).toEqual([
      { relPath: 'answers/old-review.mdx', since: '2025-02-01', reviewed: true },
      { relPath: 'answers/never.mdx', since: '2025-06-01', reviewed: false },
    ])
    expect(report.unreadable).toEqual(['answers/broken.mdx'])
    expect(formatReviewReport(report, 12).split('\n')).toEqual([
      'answers/old-review.mdx: last reviewed 2025-02-01',
      'answers/never.mdx: never reviewed, published 2025-06-01',
      'answers/broken.mdx: front matter has problems (run npm run content:check), review date unknown',
      '2 of 5 answers are due for review (last reviewed or published before 2025-12-02, more than 12 months ago).',
    ])
    expect((await findAnswersDueForReview(dir, 120, '2026-12-02')).due).toEqual([])
  })

  it('runs as an npm script: exit 0 with the report, exit 2 with usage for bad arguments', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--conditions=react-server', 'scripts/run-bundled.mjs', 'lib/content/review-due-cli.ts', ...args], { env: { ...process.env, CONTENT_DIR: dir }, encoding: 'utf8', timeout: 60_000 })
    const report = run('--months', '1')
    expect(report.status).toBe(0)
    expect(report.stdout).toContain('answers/fresh.mdx: last reviewed 2026-11-01')
    expect(report.stdout).not.toContain('answers/new.mdx')
    expect(run('--months=600').status).toBe(2)
    const bad = run('--weeks', '3')
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/^usage: npm run content:review-due/)
    expect(bad.stderr).not.toMatch(/^\s+at /m)
  })
})

describe('reviewedBy and reviewedAt front matter', () => {
  it('are checked: a real date, not before publishedAt, not in the future, and no reviewer without a date', async () => {
    const future = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10)
    const dir = writeContentDir({
      'answers/a.mdx': answer('Reviewed before it was published?', { publishedAt: '2026-03-14', reviewedAt: '2026-03-01' }),
      'answers/b.mdx': answer('Reviewed in the future somehow?', { reviewedAt: future }),
      'answers/c.mdx': answer('Reviewed by someone, but when?', { reviewedBy: 'Jane Doe' }),
      'answers/d.mdx': answer('Reviewed on an impossible day?', { reviewedAt: '2026-02-30' }),
      'answers/e.mdx': answer('Reviewed properly: is this fine?', { reviewedBy: 'Jane Doe', reviewedAt: '2026-04-01' }),
    })
    const problems = (await ingestContent({ contentDir: dir, db: null, write: false })).problems.map(formatProblem).map((line) => line.slice(dir.length + 1))
    expect(problems).toEqual([
      'answers/a.mdx:7:13 front matter "reviewedAt" (2026-03-01) is before publishedAt (2026-03-14)',
      `answers/b.mdx:7:13 front matter "reviewedAt" (${future}) is in the future: give the day the review was done`,
      'answers/c.mdx:7:13 front matter "reviewedBy" needs reviewedAt too: the day of the review',
      'answers/d.mdx:7:13 front matter "reviewedAt" 2026-02-30 is not a real calendar date',
    ])
  })
})
