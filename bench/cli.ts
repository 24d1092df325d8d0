// Editor commands timed as whole processes, start-up included (what an editor and CI wait for), on 1,000 generated
// answers plus the real glossary, against raw peer scripts (bench/peers) in the same run, in alternating rounds.
import { spawnSync } from 'node:child_process'
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { round } from './ingest'
import { writeAnswers } from './generate'

export interface Timing {
  best: number
  median: number
  runs: number[]
}

export interface CliBench {
  answers: number
  glossaryTerms: number
  /** Seconds per command, whole process. "npm" rows run `npm run <script>`; "direct" rows run the script's command. */
  seconds: Record<string, Timing>
  /** Raw compile peer / `npm run content:ingest` on a fresh database: ≥ 1.0 means ingest keeps up with the peer. */
  coldRatio: number
  coldRatioDirect: number
  coldRoundRatios: number[]
  coldAnswersPerSecond: number
  /** What `npm run` adds to a command: median of (npm − direct) over the unchanged rounds. */
  npmOverheadSeconds: number
  /** One-minute load average when the run started and ended: on this shared 2-core box, read the figures with it. */
  loadAverage: { start: number; end: number }
}

const root = process.cwd()
const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts

function runProcess(label: string, command: string, args: string[], env: Record<string, string>): number {
  const started = performance.now()
  const result = spawnSync(command, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 300_000 })
  const seconds = (performance.now() - started) / 1000
  if (result.status !== 0) throw new Error(`${label} exited ${result.status}: ${(result.stderr || result.stdout).trim().slice(0, 600)}`)
  return seconds
}

/** `npm run <script>` as an editor types it, or the script's own command line as npm would run it, minus npm. */
function npmScript(script: string, env: Record<string, string>): number {
  return runProcess(`npm run ${script}`, 'npm', ['run', script], env)
}
function directScript(script: string, env: Record<string, string>): number {
  const command = scripts[script]
  if (!command) throw new Error(`package.json has no "${script}" script`)
  const bin = path.join(root, 'node_modules', '.bin')
  return runProcess(command, 'sh', ['-c', command], { ...env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` })
}
function peer(name: string, args: string[]): number {
  return runProcess(name, process.execPath, [path.join(root, 'bench', 'peers', name), ...args], {})
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}
const timing = (runs: number[]): Timing => ({ best: round(Math.min(...runs), 3), median: round(median(runs), 3), runs: runs.map((s) => round(s, 3)) })

export function benchCli(count = 1000, rounds = { cold: 3, unchanged: 5, edited: 3 }): CliBench {
  const loadAtStart = loadavg()[0] ?? NaN
  const dir = mkdtempSync(path.join(tmpdir(), 'ask-kb-bench-cli-'))
  const contentDir = path.join(dir, 'content')
  try {
    writeAnswers(contentDir, count)
    cpSync(path.join(root, 'content', 'glossary'), path.join(contentDir, 'glossary'), { recursive: true })
    const glossaryTerms = readdirSync(path.join(contentDir, 'glossary')).length
    const runs: Record<string, number[]> = {}
    const record = (name: string, seconds: number) => (runs[name] ??= []).push(seconds)
    const envFor = (database: string) => ({ CONTENT_DIR: contentDir, DATABASE_URL: `file:${path.join(dir, database)}` })

    // Untimed warm-up on the glossary alone: builds the CLI bundle if sources changed, so no timed round pays for it.
    const warmDir = path.join(dir, 'warm-up')
    cpSync(path.join(contentDir, 'glossary'), path.join(warmDir, 'glossary'), { recursive: true })
    directScript('content:check', { CONTENT_DIR: warmDir, DATABASE_URL: `file:${path.join(dir, 'none.db')}` })

    const coldRoundRatios: number[] = []
    for (let i = 0; i < rounds.cold; i++) {
      const raw = peer('raw-compile.mjs', [contentDir])
      const viaNpm = npmScript('content:ingest', envFor(`cold-npm-${i}.db`))
      record('raw compile peer', raw)
      record('cold ingest (npm run)', viaNpm)
      record('cold ingest (direct)', directScript('content:ingest', envFor(`cold-direct-${i}.db`)))
      coldRoundRatios.push(round(raw / viaNpm, 3))
    }

    const store = envFor(`cold-npm-${rounds.cold - 1}.db`)
    const manifest = path.join(dir, 'raw-manifest.json')
    peer('raw-unchanged.mjs', [contentDir, manifest])
    const overheads: number[] = []
    for (let i = 0; i < rounds.unchanged; i++) {
      record('raw hash-and-skip peer', peer('raw-unchanged.mjs', [contentDir, manifest]))
      const npmIngest = npmScript('content:ingest', store)
      const directIngest = directScript('content:ingest', store)
      record('unchanged ingest (npm run)', npmIngest)
      record('unchanged ingest (direct)', directIngest)
      record('unchanged check (npm run)', npmScript('content:check', store))
      record('unchanged check (direct)', directScript('content:check', store))
      overheads.push(npmIngest - directIngest)
    }

    // An editor's usual loop: change one answer, then check or ingest.
    const edited = path.join(contentDir, 'answers', 'q-0001.mdx')
    for (let i = 0; i < rounds.edited; i++) {
      appendFileSync(edited, `\nEdited for check round ${i}.\n`)
      record('one answer edited: check (npm run)', npmScript('content:check', store))
      appendFileSync(edited, `\nEdited for ingest round ${i}.\n`)
      record('one answer edited: ingest (npm run)', npmScript('content:ingest', store))
    }

    const seconds = Object.fromEntries(Object.entries(runs).map(([name, values]) => [name, timing(values)]))
    const best = (name: string) => seconds[name]?.best ?? NaN
    return {
      answers: count,
      glossaryTerms,
      seconds,
      coldRatio: round(best('raw compile peer') / best('cold ingest (npm run)'), 3),
      coldRatioDirect: round(best('raw compile peer') / best('cold ingest (direct)'), 3),
      coldRoundRatios,
      coldAnswersPerSecond: round(count / best('cold ingest (npm run)')),
      npmOverheadSeconds: round(median(overheads), 3),
      loadAverage: { start: round(loadAtStart, 2), end: round(loadavg()[0] ?? NaN, 2) },
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
