// `npm start`: migrate, ingest content/, build if the build is missing or stale, then serve with `next start`.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { formatSummary, ingestContent } from '@/lib/content/ingest'
import { formatProblem } from '@/lib/content/problem'
import { progressPrinter } from '@/lib/content/progress'
import { contentFingerprint } from '@/lib/data/content-store'
import { applyPragmas, createDb, sqlitePathFromUrl } from '@/lib/db'
import { env } from '@/lib/env'
import { deployMigrations } from '@/lib/migrate/migrations'
import { nextBin, startNextServer } from './next-server'

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
  mkdirSync(path.dirname(path.resolve(sqlitePathFromUrl(env.DATABASE_URL))), { recursive: true })
  const applied = await deployMigrations({ databaseUrl: env.DATABASE_URL })
  if (applied.length > 0) console.log(`Database: applied ${applied.length} migration(s)`)

  const db = createDb(env.DATABASE_URL)
  await applyPragmas(db)
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
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
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
