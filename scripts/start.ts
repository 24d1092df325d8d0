// `npm start`: migrate, ingest content/, build if the build is missing or stale, then serve with `next start`.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { formatSummary, ingestContent } from '@/lib/content/ingest'
import { formatProblem } from '@/lib/content/problem'
import { progressPrinter } from '@/lib/content/progress'
import { contentFingerprint } from '@/lib/data/content-store'
import { env } from '@/lib/env'
import { openMigratedDb } from '@/lib/migrate/migrations'
import { buildNext, startNextServer } from './next-server'

const buildInputs = ['app', 'components', 'lib', 'public', 'next.config.ts', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json', 'prisma/schema.prisma']
const stampFile = '.next/ask-kb-build.json'

function hashSources(): string {
  const hash = createHash('sha256')
  const visit = (entry: string) => {
    if (!existsSync(entry)) return
    if (statSync(entry).isDirectory()) {
      for (const name of readdirSync(entry).sort()) visit(path.join(entry, name))
    } else {
      hash.update(entry).update(readFileSync(entry))
    }
  }
  buildInputs.forEach(visit)
  return hash.digest('hex')
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
  const stamp = JSON.stringify({ sources: hashSources(), content: await contentFingerprint(db), siteUrl: env.SITE_URL, databaseUrl: env.DATABASE_URL })
  await db.$disconnect()

  const upToDate = existsSync('.next/BUILD_ID') && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp
  if (upToDate) {
    console.log('Build is up to date; reusing it.')
  } else {
    console.log('Building the site (next build)…')
    const build = buildNext({ quiet: false })
    if (build.status !== 0) process.exit(build.status ?? 1)
    writeFileSync(stampFile, stamp)
  }
  console.log(`Ready in ${((performance.now() - started) / 1000).toFixed(1)} s → http://localhost:${env.PORT}`)
  const server = startNextServer(env.PORT)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
  server.on('exit', (code) => process.exit(code ?? 0))
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
