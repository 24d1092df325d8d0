// `npm run scale:demo`: the site as it runs when it outgrows one machine, on this one. A private PostgreSQL,
// content/ migrated and ingested into it, one build, two `next start` instances and nginx in front (deploy/nginx.conf).
// Ctrl-C (SIGINT) or SIGTERM stops everything and removes the cluster and the temporary files.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { formatSummary, ingestContent } from '@/lib/content/ingest'
import { formatProblem } from '@/lib/content/problem'
import { env } from '@/lib/env'
import { openMigratedDb } from '@/lib/migrate/migrations'
import { buildKeepingLastGood } from '../build-site'
import { buildNext } from '../next-server'
import { startCluster, stopCluster } from '../postgres-cluster.mjs'
import { assertPortFree } from './child-processes'
import { parseDemoFlags } from './demo-flags'
import { ensureNginx } from './nginx-binary'
import { startScaleStack } from './stack'

const database = 'ask_kb_demo'
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`

// What to undo, newest first; run once, on Ctrl-C, on SIGTERM or after a failure.
const cleanups: { name: string; run: () => Promise<void> | void }[] = []
let stopping: Promise<void> | undefined

function stopEverything(code: number): Promise<void> {
  stopping ??= (async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup.run()
      } catch (error) {
        console.error(`Stopping ${cleanup.name} failed: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    if (code === 0) console.log('Stopped; the cluster and the temporary files are removed.')
    process.exit(code)
  })()
  return stopping
}

async function ingestInto(adminUrl: string, url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${database}`).finally(() => admin.end())
  const { db, applied } = await openMigratedDb(url)
  try {
    console.log(`Database ${database}: applied ${applied.length} migration(s)`)
    const report = await ingestContent({ contentDir: env.CONTENT_DIR, db, write: true })
    if (report.problems.length > 0) {
      for (const problem of report.problems) console.error(formatProblem(problem))
      throw new Error(`${report.problems.length} content problem(s) in ${env.CONTENT_DIR}: fix them and run the demo again`)
    }
    console.log(formatSummary(report))
  } finally {
    await db.$disconnect()
  }
}

function build(databaseUrl: string, siteUrl: string): void {
  console.log('Building the site against the demo database (next build)…')
  const started = performance.now()
  const outcome = buildKeepingLastGood('.next', () => {
    const run = buildNext({ quiet: true, env: { DATABASE_URL: databaseUrl, SITE_URL: siteUrl } })
    return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? `\n${run.error.message}` : ''}` }
  })
  if (!outcome.ok) throw new Error(`next build failed on ${outcome.summary} (full output: ${outcome.log})`)
  // This build was made from the demo's database: `npm start` must not take it for its own.
  rmSync('.next/ask-kb-build.json', { force: true })
  console.log(`Built in ${seconds(started)}.`)
}

async function main(): Promise<void> {
  const started = performance.now()
  const flags = parseDemoFlags(process.argv.slice(2))
  for (const port of [flags.port, ...flags.instancePorts]) await assertPortFree(port)
  if (flags.reuseBuild && !existsSync('.next/BUILD_ID')) throw new Error('--reuse-build: there is no build in .next to reuse (run without it)')
  ensureNginx()
  const siteUrl = `http://127.0.0.1:${flags.port}`

  const cluster = await startCluster()
  cleanups.push({ name: 'PostgreSQL', run: () => stopCluster(cluster.dir) })
  console.log(`PostgreSQL: a private cluster on 127.0.0.1:${cluster.port} in ${cluster.dir}`)
  const databaseUrl = new URL(`/${database}`, cluster.url).toString()
  await ingestInto(cluster.url, databaseUrl)
  if (flags.reuseBuild) console.log('Reusing the build in .next (--reuse-build).')
  else build(databaseUrl, siteUrl)

  const workDir = mkdtempSync(path.join(tmpdir(), 'ask-kb-scale-demo-'))
  cleanups.push({ name: 'the temporary files', run: () => rmSync(workDir, { recursive: true, force: true }) })
  const stack = await startScaleStack({ databaseUrl, instancePorts: flags.instancePorts, nginxPort: flags.port, microCache: true, workDir, env: { SITE_URL: siteUrl } })
  cleanups.push({ name: 'nginx and the instances', run: () => stack.stop() })
  console.log(`Instances: ${stack.instanceUrls.join(', ')} (logs in ${workDir})`)
  console.log(`Ready in ${seconds(started)} → ${stack.url} (nginx, micro-cache on). Ctrl-C stops everything.`)
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (!stopping) console.log(`\n${signal}: stopping nginx, the instances and PostgreSQL…`)
    void stopEverything(0)
  })
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  void stopEverything(1)
})
