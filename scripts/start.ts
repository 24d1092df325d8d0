// `npm start`: migrate, ingest content/, build if the build is missing or stale, then serve with `next start`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { formatSummary, ingestContent } from '@/lib/content/ingest'
import { formatProblem } from '@/lib/content/problem'
import { progressPrinter } from '@/lib/content/progress'
import { contentFingerprint } from '@/lib/data/content-store'
import { env } from '@/lib/env'
import { openMigratedDb } from '@/lib/migrate/migrations'
import { hashBuildInputs } from './build-inputs'
import { buildKeepingLastGood } from './build-site'
import { buildNext, startNextServer } from './next-server'

const distDir = '.next'
const stampFile = `${distDir}/ask-kb-build.json`

/** Builds, or keeps the last good build when the build fails; false when there is nothing to serve. */
function buildSite(stamp: string): boolean {
  console.log('Building the site (next build)…')
  const builtAt = performance.now()
  const outcome = buildKeepingLastGood(distDir, () => {
    const run = buildNext({ quiet: true })
    return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? `\n${run.error.message}` : ''}` }
  })
  if (outcome.ok) {
    writeFileSync(stampFile, stamp)
    console.log(`Built in ${((performance.now() - builtAt) / 1000).toFixed(1)} s (output: ${outcome.log}).`)
    return true
  }
  const next = outcome.servingPrevious ? 'serving the previous build' : 'there is no previous build to serve'
  console.error(`Build failed on ${outcome.summary} (full output: ${outcome.log}); ${next}.`)
  return outcome.servingPrevious
}

/** The address to open: a wildcard host listens everywhere, and localhost reaches it. */
function siteAddress(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '::') return `http://localhost:${port} (listening on all interfaces)`
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`
}

async function main(): Promise<void> {
  const started = performance.now()
  const { db, applied } = await openMigratedDb(env.DATABASE_URL)
  if (applied.length > 0) console.log(`Database: applied ${applied.length} migration(s)`)
  const report = await ingestContent({ contentDir: env.CONTENT_DIR, db, write: true, onProgress: progressPrinter() })
  if (report.problems.length > 0) {
    for (const problem of report.problems) console.error(formatProblem(problem))
    console.error(`\n${report.problems.length} content problem(s): nothing was ingested; the site keeps serving the last good content.\n`)
  } else {
    console.log(formatSummary(report))
  }
  const stamp = JSON.stringify({ sources: hashBuildInputs(), content: await contentFingerprint(db), siteUrl: env.SITE_URL, databaseUrl: env.DATABASE_URL })
  await db.$disconnect()

  const upToDate = existsSync(`${distDir}/BUILD_ID`) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp
  if (upToDate) {
    console.log('Build is up to date; reusing it.')
  } else if (!buildSite(stamp)) {
    process.exit(1)
  }
  console.log(`Ready in ${((performance.now() - started) / 1000).toFixed(1)} s → ${siteAddress(env.HOSTNAME, env.PORT)}`)
  const server = startNextServer(env.PORT, { host: env.HOSTNAME })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
  server.on('exit', (code) => process.exit(code ?? 0))
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
