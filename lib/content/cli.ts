// `npm run content:check` validates and compiles, writing nothing; `npm run content:ingest` writes all or nothing.
// This entry stays light on purpose: unchanged content is answered from file hashes and one SQLite read, and the
// pipeline (Prisma, the MDX toolchain: most of a second to load) is imported only when some file needs work.
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { describeInternalError } from '@/lib/content/internal-error'
import { formatProblem } from '@/lib/content/problem'
import { formatSummary } from '@/lib/content/summary'
import { detectUnchangedContent } from '@/lib/content/unchanged'
import { env } from '@/lib/env'

type Mode = 'check' | 'ingest'

export async function runContentCommand(mode: Mode): Promise<number> {
  const started = performance.now()
  const setupProblem = findSetupProblem(env.CONTENT_DIR, env.DATABASE_URL)
  if (setupProblem) {
    console.error(setupProblem)
    return 1
  }
  const unchanged = await detectUnchangedContent(env.CONTENT_DIR, env.DATABASE_URL)
  if (unchanged) {
    printSuccess(mode, formatSummary({ ...unchanged, durationMs: performance.now() - started }))
    return 0
  }
  const { runPipeline } = await import('@/lib/content/cli-pipeline')
  const result = await runPipeline(mode, env.CONTENT_DIR, env.DATABASE_URL)
  if (!result.ok) {
    console.error(result.message)
    return 1
  }
  const { problems } = result.report
  if (problems.length > 0) {
    for (const problem of problems) console.error(formatProblem(problem))
    const files = new Set(problems.map((p) => p.file)).size
    console.error(
      `\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}; ${mode === 'ingest' ? 'nothing was written' : 'fix them before ingesting'}.`,
    )
    return 1
  }
  printSuccess(mode, formatSummary(result.report))
  return 0
}

function printSuccess(mode: Mode, summary: string): void {
  console.log(mode === 'check' ? `All content is valid.\n${summary}` : summary)
}

/** Settings that point at the wrong kind of thing get a sentence, not a driver error from deep inside. */
function findSetupProblem(contentDir: string, databaseUrl: string): string | undefined {
  if (!existsSync(contentDir)) return `CONTENT_DIR ${contentDir} does not exist`
  if (!statSync(contentDir).isDirectory()) return `CONTENT_DIR ${contentDir} is not a directory`
  const database = path.resolve(databaseUrl.replace(/^file:/, ''))
  if (databaseUrl.startsWith('file:') && existsSync(database) && !statSync(database).isFile()) {
    return `DATABASE_URL ${databaseUrl} is not a file (it should name a SQLite database file)`
  }
  return undefined
}

const mode = process.argv[2]
if (mode === 'check' || mode === 'ingest') {
  // exitCode, not process.exit(): exiting at once cuts off what is still queued for a pipe (thousands of problem
  // lines from a large check lost their summary that way).
  runContentCommand(mode).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      console.error(describeInternalError(error))
      process.exitCode = 1
    },
  )
}
