// A production build of the real content plus the 30-term page-weight answer (page-weight-content.ts), for the
// benchmarks that load pages from `next start`.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { contentFingerprint } from '@/lib/data/content-store'
import { env } from '@/lib/env'
import { openMigratedDb } from '@/lib/migrate/migrations'
import { hashBuildInputs } from '../scripts/build-inputs'
import { buildNext } from '../scripts/next-server'
import { preparePageWeightContent } from './page-weight-content'

/** Where the page-weight and Lighthouse benchmarks keep their database and content between runs. */
export const benchSiteDir = '.cache/bench-site'

export interface BenchSite {
  base: string
  databaseUrl: string
  alvh: { path: string; terms: number }
  reference: { path: string; terms: number }
  /** false when the build already in .next was made from the same sources, content and address. */
  built: boolean
}

/**
 * Ingests the content into `dir/bench.db` (or the `databaseUrl` given, e.g. a PostgreSQL database) and builds the
 * site for `base`. With `reuseBuild`, a build this function made before from the same sources, content and address
 * is kept (it checks .next/BUILD_ID, so any other build in between, by `npm start` or `npm test`, forces a new one).
 */
export async function prepareBenchSite(dir: string, base: string, options: { reuseBuild: boolean; databaseUrl?: string }): Promise<BenchSite> {
  const databaseUrl = options.databaseUrl ?? `file:${path.resolve(dir, 'bench.db')}`
  const contentDir = path.join(dir, 'content')
  rmSync(contentDir, { recursive: true, force: true })
  const { db } = await openMigratedDb(databaseUrl)
  let pages
  let stamp
  try {
    pages = await preparePageWeightContent(env.CONTENT_DIR, contentDir, db)
    stamp = JSON.stringify({ sources: hashBuildInputs(), content: await contentFingerprint(db), base, databaseUrl })
  } finally {
    await db.$disconnect()
  }
  const stampFile = path.join(dir, 'build.json')
  const buildId = () => (existsSync('.next/BUILD_ID') ? readFileSync('.next/BUILD_ID', 'utf8') : 'none')
  const site = {
    base,
    databaseUrl,
    alvh: { path: `/ask/${pages.alvh.slug}`, terms: pages.alvh.terms },
    reference: { path: `/ask/${pages.reference.slug}`, terms: pages.reference.terms },
  }
  if (options.reuseBuild && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === `${buildId()}\n${stamp}`) return { ...site, built: false }

  const build = buildNext({ env: { DATABASE_URL: databaseUrl, SITE_URL: base }, quiet: true })
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`)
  // The next `npm start` must rebuild against its own database.
  rmSync('.next/ask-kb-build.json', { force: true })
  writeFileSync(stampFile, `${buildId()}\n${stamp}`)
  return { ...site, built: true }
}

/** Throws if something already listens on 127.0.0.1:`port`: a benchmark must never measure some other server. */
export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer()
    probe.once('error', () => reject(new Error(`127.0.0.1:${port} is in use; pick another with --port=N`)))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()))
  })
}
