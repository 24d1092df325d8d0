import { existsSync } from 'node:fs'
import path from 'node:path'
import { formatProblem } from '@/lib/content/problem'
import { formatSummary, ingestContent } from '@/lib/content/ingest'
import { progressPrinter } from '@/lib/content/progress'
import { createDb, sqlitePathFromUrl } from '@/lib/db'
import { env } from '@/lib/env'
import { openMigratedDb } from '@/lib/migrate/migrations'

// `content:check` validates and compiles everything, writing nothing; `content:ingest` writes all or nothing.
export async function runContentCommand(mode: 'check' | 'ingest'): Promise<number> {
  const dbPath = path.resolve(sqlitePathFromUrl(env.DATABASE_URL))
  if (!existsSync(env.CONTENT_DIR)) {
    console.error(`CONTENT_DIR ${env.CONTENT_DIR} does not exist`)
    return 1
  }
  // Check mode never creates a database: with none yet, everything simply counts as new.
  const db = mode === 'ingest' ? (await openMigratedDb(env.DATABASE_URL)).db : existsSync(dbPath) ? createDb(env.DATABASE_URL) : null
  try {
    const report = await ingestContent({ contentDir: env.CONTENT_DIR, db, write: mode === 'ingest', onProgress: progressPrinter() })
    if (report.problems.length > 0) {
      for (const problem of report.problems) console.error(formatProblem(problem))
      const files = new Set(report.problems.map((p) => p.file)).size
      console.error(
        `\n${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}; ${mode === 'ingest' ? 'nothing was written' : 'fix them before ingesting'}.`,
      )
      return 1
    }
    console.log(mode === 'check' ? `All content is valid.\n${formatSummary(report)}` : formatSummary(report))
    return 0
  } finally {
    await db?.$disconnect()
  }
}

const mode = process.argv[2]
if (mode === 'check' || mode === 'ingest') {
  runContentCommand(mode).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error)
      process.exit(1)
    },
  )
}
