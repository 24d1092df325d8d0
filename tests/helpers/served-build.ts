import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import { nextBin, waitForServer } from '@/scripts/next-server'

// The production build served by `next start` as a site runs it, but from a private copy: the page cache the server
// writes (and the pages a test removes from it) stay out of the project's own .next, which other suites serve.

const projectDir = process.cwd()
const manifestSchema = z.object({ routes: z.record(z.string(), z.object({ srcRoute: z.string().nullable().optional() })) })

export interface BuildCopy {
  dir: string
  /** Answer pages the build pre-rendered, as `/ask/<slug>`. */
  answerPaths: string[]
  /** Removes a pre-rendered page from the copy's cache, as if nobody had ever opened it. */
  forget: (route: string) => void
  /** Dates a cached page back, so the next request is served stale and revalidates it. */
  age: (route: string, minutes: number) => void
  remove: () => void
}

/** A folder that is the project (symlinks) with its own copy of the build. */
export function copyBuild(): BuildCopy {
  const built = path.join(projectDir, '.next')
  if (!existsSync(path.join(built, 'BUILD_ID'))) throw new Error('no production build in .next: run `npx next build` first (scripts/test.sh builds before this test)')
  const dir = mkdtempSync(path.join(tmpdir(), 'ask-kb-served-'))
  for (const entry of readdirSync(projectDir)) {
    // generated/ is written by next.config (the compiled page cache): a copy, like .next.
    if (!['.next', 'generated', '.git'].includes(entry)) symlinkSync(path.join(projectDir, entry), path.join(dir, entry))
  }
  cpSync(path.join(projectDir, 'generated'), path.join(dir, 'generated'), { recursive: true })
  // As built: without Next's build cache, and without the pages servers of this build have rendered since.
  const leftOut = new Set([path.join(built, 'cache'), path.join(built, 'server', 'route-cache')])
  cpSync(built, path.join(dir, '.next'), { recursive: true, filter: (source) => !leftOut.has(source) })
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(built, 'prerender-manifest.json'), 'utf8')))
  const answerPaths = Object.entries(manifest.routes)
    .filter(([, route]) => route.srcRoute === '/ask/[slug]')
    .map(([route]) => route)
  const cachedFiles = (route: string) => {
    const folder = path.join(dir, '.next', 'server', 'app', path.dirname(route))
    return ['.html', '.rsc', '.meta', '.segments'].map((suffix) => path.join(folder, `${path.basename(route)}${suffix}`)).filter((file) => existsSync(file))
  }
  return {
    dir,
    answerPaths,
    forget: (route) => cachedFiles(route).forEach((file) => rmSync(file, { recursive: true })),
    age: (route, minutes) => {
      const then = new Date(Date.now() - minutes * 60_000)
      for (const file of cachedFiles(route)) utimesSync(file, then, then)
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** `npm run content:ingest` of the project's content into `databaseUrl` (migrating it first). */
export function ingestContent(databaseUrl: string): void {
  const result = spawnSync(process.execPath, ['--conditions=react-server', 'scripts/run-bundled.mjs', 'lib/content/cli.ts', 'ingest'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    timeout: 120_000,
  })
  if (result.status !== 0) throw new Error(`content:ingest into ${databaseUrl} failed: ${result.stderr || result.stdout}`)
}

export interface ServedSite {
  base: string
  /** Everything the server has printed so far, line by line. */
  log: () => string[]
  stop: () => Promise<void>
}

/** `next start` on 127.0.0.1:`port` in the copy, on `databaseUrl`. */
export async function serveBuild(copy: BuildCopy, port: number, databaseUrl: string): Promise<ServedSite> {
  const base = `http://127.0.0.1:${port}`
  const server = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: copy.dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: databaseUrl, SITE_URL: base },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()))
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM')
    await exited
  }
  try {
    await waitForServer(`${base}/robots.txt`)
  } catch (error) {
    await stop()
    throw new Error(`next start did not come up: ${error instanceof Error ? error.message : String(error)}\n${output}`)
  }
  return { base, log: () => output.split('\n').filter((line) => line !== ''), stop }
}
