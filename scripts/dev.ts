// `npm run dev`: Next's dev server plus a watcher that re-ingests content/ on save. A file with problems prints
// them as file:line:col and the store keeps the previous version. Nothing here prints a stack trace: a failed
// ingest is one line and the watcher keeps going; a store that cannot be opened is one line and exit 1.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { watch } from 'chokidar'
import { describeInternalError } from '@/lib/content/internal-error'
import { IngestNotAppliedError, ingestContent } from '@/lib/content/ingest'
import { formatProblem } from '@/lib/content/problem'
import { formatSummary } from '@/lib/content/summary'
import type { Db } from '@/lib/db'
import { env } from '@/lib/env'
import { openMigratedDb } from '@/lib/migrate/migrations'
import { nextBin } from './next-server'

/** Ingests once, then on every save; resolves after the first ingest so Next starts on current content. */
async function watchContent(db: Db): Promise<void> {
  let running = false
  let again = false
  async function ingest(reason: string): Promise<void> {
    if (running) {
      again = true
      return
    }
    running = true
    const time = new Date().toLocaleTimeString()
    try {
      const report = await ingestContent({ contentDir: env.CONTENT_DIR, db, write: true })
      if (report.problems.length > 0) {
        console.error(`\n[content ${time}] ${reason}: not ingested, the previous version stays live`)
        for (const problem of report.problems) console.error(formatProblem(problem))
      } else {
        console.log(`\n[content ${time}] ${reason}\n${formatSummary(report)}`)
      }
    } catch (error) {
      const message = error instanceof IngestNotAppliedError ? error.message : describeInternalError(error)
      console.error(`\n[content ${time}] ${reason}: not ingested, the previous version stays live: ${message}`)
    } finally {
      running = false
      if (again) {
        again = false
        void ingest('more changes')
      }
    }
  }

  await ingest('initial ingest')
  let timer: NodeJS.Timeout | undefined
  watch(env.CONTENT_DIR, { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 50 } })
    .on('all', (event, file) => {
      if (!/\.(mdx|md)$/.test(file)) return
      clearTimeout(timer)
      timer = setTimeout(() => void ingest(`${event} ${path.relative(process.cwd(), file)}`), 150)
    })
    .on('error', (error) => console.error(`[content] watcher: ${describeInternalError(error)}`))
}

async function main(): Promise<void> {
  const { db } = await openMigratedDb(env.DATABASE_URL)
  await watchContent(db)
  const next = spawn(process.execPath, [nextBin, 'dev', '-p', String(env.PORT)], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => next.kill(signal))
  next.on('exit', (code) => {
    void db.$disconnect().finally(() => process.exit(code ?? 0))
  })
}

main().catch((error: unknown) => {
  console.error(describeInternalError(error))
  process.exit(1)
})
