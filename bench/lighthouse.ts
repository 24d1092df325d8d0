// `npm run bench lighthouse`: Lighthouse's default mobile run (Moto G Power emulation, simulated slow 4G and 4x
// CPU slowdown) against `next start` of the page-weight site (bench-site.ts), three times, in Debian's Chromium.
// Each run is its own Lighthouse process with a fresh browser, as the Lighthouse CLI does it.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import { chromiumPath } from '../tests/helpers/chromium'
import { startNextServer, waitForServer } from '../scripts/next-server'
import { assertPortFree, benchSiteDir, prepareBenchSite } from './bench-site'

const numeric = z.object({ numericValue: z.number() })
const reportSchema = z.object({
  lighthouseVersion: z.string(),
  environment: z.object({ benchmarkIndex: z.number() }),
  categories: z.object({ performance: z.object({ score: z.number().nullable() }) }),
  audits: z.object({
    'first-contentful-paint': numeric,
    'largest-contentful-paint': numeric,
    'total-blocking-time': numeric,
    'cumulative-layout-shift': numeric,
    'speed-index': numeric,
    'mainthread-work-breakdown': numeric,
    'bootup-time': numeric,
    'total-byte-weight': numeric,
    'largest-contentful-paint-element': z.object({
      details: z.object({ items: z.array(z.object({ items: z.array(z.record(z.string(), z.unknown())).optional() })) }).optional(),
    }),
  }),
})

// A run that Lighthouse itself could not measure (e.g. NO_NAVSTART on a machine so busy the trace lost events).
const runtimeErrorSchema = z.object({ runtimeError: z.object({ code: z.string(), message: z.string() }) })
class LighthouseRunError extends Error {}

/** Up to three attempts per run: Lighthouse sometimes loses its trace when the machine is saturated. */
function runLighthouseWithRetry(url: string, outputDir: string, index: number): ReturnType<typeof runLighthouse> {
  for (let attempt = 1; ; attempt++) {
    try {
      return runLighthouse(url, outputDir, index)
    } catch (error) {
      if (!(error instanceof LighthouseRunError) || attempt === 3) throw error
      console.warn(`Lighthouse run ${index + 1} failed (${error.message}); trying again`)
    }
  }
}

export interface LighthouseRun {
  performance: number
  fcpMs: number
  lcpMs: number
  tbtMs: number
  cls: number
  speedIndexMs: number
  /** Main-thread time as observed on this machine (Lighthouse then multiplies CPU work by 4 in its simulation). */
  mainThreadMs: number
  scriptBootupMs: number
  transferBytes: number
  /** Lighthouse's own CPU benchmark of this machine at the time of the run (a typical desktop scores 1,500+). */
  benchmarkIndex: number
  lcpPhases: Record<string, number>
}

export interface LighthouseBench {
  path: string
  linkedTerms: number
  lighthouseVersion: string
  runs: LighthouseRun[]
  median: LighthouseRun
  /** 1-minute load average of this (2-core, shared) machine before the first and after the last run. */
  loadAverage: { start: number; end: number }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

function lcpPhases(report: z.infer<typeof reportSchema>): Record<string, number> {
  const tables = report.audits['largest-contentful-paint-element'].details?.items ?? []
  const phases: Record<string, number> = {}
  for (const table of tables) {
    for (const row of table.items ?? []) {
      if (typeof row.phase === 'string' && typeof row.timing === 'number') phases[row.phase] = Math.round(row.timing)
    }
  }
  return phases
}

function runLighthouse(url: string, outputDir: string, index: number): { run: LighthouseRun; version: string } {
  const output = path.join(outputDir, `lighthouse-run-${index + 1}.json`)
  const args = [
    'node_modules/lighthouse/cli/index.js',
    url,
    '--output=json',
    `--output-path=${output}`,
    '--only-categories=performance',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync',
    '--quiet',
  ]
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, CHROME_PATH: chromiumPath } })
  if (result.status !== 0) throw new Error(`lighthouse failed (${result.status}):\n${result.stderr}`)
  const json: unknown = JSON.parse(readFileSync(output, 'utf8'))
  const failure = runtimeErrorSchema.safeParse(json)
  if (failure.success) throw new LighthouseRunError(`${failure.data.runtimeError.code}: ${failure.data.runtimeError.message}`)
  const report = reportSchema.parse(json)
  const audit = (name: Exclude<keyof typeof report.audits, 'largest-contentful-paint-element'>) => report.audits[name].numericValue
  return {
    version: report.lighthouseVersion,
    run: {
      performance: Math.round((report.categories.performance.score ?? 0) * 100),
      fcpMs: Math.round(audit('first-contentful-paint')),
      lcpMs: Math.round(audit('largest-contentful-paint')),
      tbtMs: Math.round(audit('total-blocking-time')),
      cls: audit('cumulative-layout-shift'),
      speedIndexMs: Math.round(audit('speed-index')),
      mainThreadMs: Math.round(audit('mainthread-work-breakdown')),
      scriptBootupMs: Math.round(audit('bootup-time')),
      transferBytes: Math.round(audit('total-byte-weight')),
      benchmarkIndex: Math.round(report.environment.benchmarkIndex),
      lcpPhases: lcpPhases(report),
    },
  }
}

/** Builds if needed, serves on 127.0.0.1:`port`, runs Lighthouse `runs` times on the 30-term page, stops the server. */
export async function benchLighthouse(port: number, runs = 3): Promise<LighthouseBench> {
  const base = `http://127.0.0.1:${port}`
  await assertPortFree(port)
  mkdirSync(benchSiteDir, { recursive: true })
  const site = await prepareBenchSite(benchSiteDir, base, { reuseBuild: true })
  // The full reports stay beside latest.json, for a look at the trace-based audits (long tasks, network, LCP element).
  const outputDir = 'bench/results'
  mkdirSync(outputDir, { recursive: true })
  const server = startNextServer(port, { host: '127.0.0.1', env: { DATABASE_URL: site.databaseUrl, SITE_URL: base }, quiet: true })
  try {
    const url = `${base}${site.reference.path}`
    await waitForServer(url)
    await fetch(url) // the first request after start-up reads the pre-rendered page from disk; measure cache hits
    const loadAtStart = loadavg()[0] ?? NaN
    const results = Array.from({ length: runs }, (_, index) => runLighthouseWithRetry(url, outputDir, index))
    const list = results.map((r) => r.run)
    const pick = (key: keyof Omit<LighthouseRun, 'lcpPhases'>) => median(list.map((r) => r[key]))
    const byScore = [...list].sort((a, b) => a.performance - b.performance)
    return {
      path: site.reference.path,
      linkedTerms: site.reference.terms,
      lighthouseVersion: results[0]?.version ?? 'unknown',
      runs: list,
      loadAverage: { start: Number(loadAtStart.toFixed(2)), end: Number((loadavg()[0] ?? NaN).toFixed(2)) },
      median: {
        performance: pick('performance'),
        fcpMs: pick('fcpMs'),
        lcpMs: pick('lcpMs'),
        tbtMs: pick('tbtMs'),
        cls: pick('cls'),
        speedIndexMs: pick('speedIndexMs'),
        mainThreadMs: pick('mainThreadMs'),
        scriptBootupMs: pick('scriptBootupMs'),
        transferBytes: pick('transferBytes'),
        benchmarkIndex: pick('benchmarkIndex'),
        lcpPhases: byScore[Math.floor(byScore.length / 2)]?.lcpPhases ?? {},
      },
    }
  } finally {
    server.kill('SIGTERM')
  }
}
