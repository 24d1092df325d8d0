// `next build` of a large generated site: N answers (bench/generate.ts) plus the real glossary, ingested by the
// bundled CLI into a temporary database, built into the worktree's .next (the existing build is moved aside and put
// back afterwards). Reports build time, the build's peak memory (the whole process tree, sampled from /proc), the
// size of .next, and, served by `next start` on 127.0.0.1, the first request of answers nobody opened yet and the
// request after it (from the page cache).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { openMigratedDb } from '@/lib/migrate/migrations'
import { nextBin, startNextServer, waitForServer } from '../scripts/next-server'
import { writeAnswers } from './generate'
import { browserHeaders } from './http'
import { round } from './ingest'

export interface RequestSample {
  slug: string
  ms: number
  status: number
  /** x-nextjs-cache: MISS on a render, HIT from the page cache; absent when Next rendered without the cache. */
  cache: string
  hasPolicy: boolean
}

export interface BuildBench {
  answers: number
  ingestSeconds: number
  buildSeconds: number
  peakBuildMemoryMb: number
  distMb: number
  /** MB of pre-rendered output per content route (.next/server/app/<route>): where the size goes. */
  routeMb: Record<string, number>
  prerenderedAnswerPages: number
  /** Answers no request had asked for since the server started; the first one warmed the page's modules up. */
  warmUp: RequestSample
  first: RequestSample[]
  second: RequestSample[]
  firstMedianMs: number
  secondMedianMs: number
  /** One-minute load average when the build started and when the requests were made (2 shared cores). */
  loadAverage: { build: number; requests: number }
}

const distDir = '.next'
const aside = '.next.bench-build-aside'

function directorySize(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) total += directorySize(full)
    else if (entry.isFile()) total += statSync(full).size
  }
  return total
}

/** Resident memory of `root` and all its descendants, in bytes (Linux /proc). */
function treeRss(root: number): number {
  const parents = new Map<number, number>()
  const rss = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      // Fields after the parenthesised command: state, ppid, ...; rss (in pages) is field 24.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      parents.set(Number(name), Number(fields[1]))
      rss.set(Number(name), Number(fields[21]) * 4096)
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0
  for (const [pid, bytes] of rss) {
    let current: number | undefined = pid
    while (current !== undefined && current > 1 && current !== root) current = parents.get(current)
    if (current === root) total += bytes
  }
  return total
}

async function timedBuild(env: Record<string, string>, timeoutMs: number): Promise<{ seconds: number; peakBytes: number }> {
  const started = performance.now()
  const child = spawn(process.execPath, [nextBin, 'build'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  let peakBytes = 0
  const sampler = setInterval(() => {
    if (child.pid) peakBytes = Math.max(peakBytes, treeRss(child.pid))
  }, 250)
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve))
  clearInterval(sampler)
  clearTimeout(timer)
  if (status !== 0) throw new Error(`next build failed (${status}):\n${output.slice(-3000)}`)
  return { seconds: (performance.now() - started) / 1000, peakBytes }
}

async function timedRequest(base: string, slug: string): Promise<RequestSample> {
  const started = performance.now()
  const response = await fetch(`${base}/ask/${slug}`, { headers: browserHeaders, signal: AbortSignal.timeout(30_000) })
  await response.arrayBuffer()
  return {
    slug,
    ms: round(performance.now() - started),
    status: response.status,
    cache: response.headers.get('x-nextjs-cache') ?? '-',
    hasPolicy: (response.headers.get('content-security-policy') ?? '').includes("script-src"),
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return round(sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2)
}

/** SIGTERM, resolved once the process has exited. */
export function stopProcess(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    server.once('exit', () => resolve())
    server.kill('SIGTERM')
  })
}

/** `port` is where `next start` serves the built site for the request samples. */
export async function benchBuild(answers: number, samples = 7, port = 3440): Promise<BuildBench> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ask-kb-bench-build-'))
  const contentDir = path.join(dir, 'content')
  const databaseFile = path.join(dir, 'bench.db')
  const env = { CONTENT_DIR: contentDir, DATABASE_URL: `file:${databaseFile}`, SITE_URL: `http://127.0.0.1:${port}` }
  const hadBuild = existsSync(distDir)
  rmSync(aside, { recursive: true, force: true })
  if (hadBuild) renameSync(distDir, aside)
  try {
    writeAnswers(contentDir, answers)
    cpSync('content/glossary', path.join(contentDir, 'glossary'), { recursive: true })
    const ingestStarted = performance.now()
    const ingest = spawnSync(process.execPath, ['--conditions=react-server', 'scripts/run-bundled.mjs', 'lib/content/cli.ts', 'ingest'], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 900_000,
    })
    if (ingest.status !== 0) throw new Error(`ingest failed:\n${ingest.stdout}\n${ingest.stderr}`)
    const ingestSeconds = (performance.now() - ingestStarted) / 1000

    const buildLoad = round(loadavg()[0] ?? 0)
    const build = await timedBuild(env, 30 * 60_000)
    rmSync(path.join(distDir, 'ask-kb-build.json'), { force: true })
    const appDir = path.join(distDir, 'server', 'app', 'ask')
    const prerenderedAnswerPages = existsSync(appDir) ? readdirSync(appDir).filter((name) => name.endsWith('.html')).length : 0
    const distMb = round(directorySize(distDir) / 1024 / 1024)
    const routeMb = Object.fromEntries(
      ['ask', 'category', 'tags', 'glossary'].map((route) => {
        const dir = path.join(distDir, 'server', 'app', route)
        return [route, existsSync(dir) ? round(directorySize(dir) / 1024 / 1024) : 0]
      }),
    )

    // The oldest answers: the last a "newest and most viewed" selection would pre-render.
    const { db } = await openMigratedDb(env.DATABASE_URL)
    const oldest = (await db.answer.findMany({ select: { slug: true }, orderBy: [{ publishedAt: 'asc' }, { slug: 'desc' }], take: samples + 1 })).map((row) => row.slug)
    await db.$disconnect()
    const [warmUpSlug, ...slugs] = oldest
    if (!warmUpSlug || slugs.length === 0) throw new Error('no answers to request')

    const base = env.SITE_URL
    const server = startNextServer(port, { host: '127.0.0.1', env, quiet: true })
    try {
      await waitForServer(`${base}/`, 60_000)
      const warmUp = await timedRequest(base, warmUpSlug)
      const first: RequestSample[] = []
      for (const slug of slugs) first.push(await timedRequest(base, slug))
      const second: RequestSample[] = []
      for (const slug of slugs) second.push(await timedRequest(base, slug))
      return {
        answers,
        ingestSeconds: round(ingestSeconds),
        buildSeconds: round(build.seconds),
        peakBuildMemoryMb: round(build.peakBytes / 1024 / 1024),
        distMb,
        routeMb,
        prerenderedAnswerPages,
        warmUp,
        first,
        second,
        firstMedianMs: median(first.map((sample) => sample.ms)),
        secondMedianMs: median(second.map((sample) => sample.ms)),
        loadAverage: { build: buildLoad, requests: round(loadavg()[0] ?? 0) },
      }
    } finally {
      await stopProcess(server)
    }
  } finally {
    rmSync(distDir, { recursive: true, force: true })
    if (hadBuild) renameSync(aside, distDir)
    rmSync(dir, { recursive: true, force: true })
  }
}
