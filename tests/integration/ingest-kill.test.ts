import { spawn } from 'node:child_process'
import { copyFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { seededRandom } from '@/bench/generate'
import { ingestContent } from '@/lib/content/ingest'
import { applyPragmas } from '@/lib/db'
import { generatedContentDir } from '@/tests/helpers/generated-content'
import { dumpStore, integrityCheck } from '@/tests/helpers/store-dump'
import { describeSqliteOnly } from '@/tests/helpers/sqlite-only'
import { createTempDb } from '@/tests/helpers/temp-db'

// kill -9 of `content:ingest` at many points, from start-up through compile to inside the write transaction:
// SQLite's atomic commit must leave the file either exactly as before or fully updated, never in between.

const cliArgs = ['--conditions=react-server', 'scripts/run-bundled.mjs', 'lib/content/cli.ts', 'ingest']

interface Run {
  /** ms after spawn when compiling reached 100 % (the write follows), and when the process exited by itself. */
  compiled?: number
  exited?: number
  code: number | null
  stderr: string
}

/** Runs the CLI; `killWhen` decides, on spawn and on the "(100%)" progress line, when to SIGKILL it (ms from now). */
function runIngest(contentDir: string, file: string, killWhen?: (event: 'spawned' | 'compiled') => number | undefined, beforeKill?: () => void): Promise<Run & { killedAt?: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, cliArgs, { env: { ...process.env, CONTENT_DIR: contentDir, DATABASE_URL: `file:${file}` }, stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 })
    const run: Run & { killedAt?: number } = { code: null, stderr: '' }
    const schedule = (event: 'spawned' | 'compiled') => {
      const delay = killWhen?.(event)
      if (delay === undefined) return
      setTimeout(() => {
        if (run.exited !== undefined) return
        beforeKill?.()
        run.killedAt = performance.now() - started
        child.kill('SIGKILL')
      }, delay)
    }
    child.stderr.on('data', (chunk: Buffer) => {
      run.stderr += chunk.toString()
      if (run.compiled === undefined && run.stderr.includes('(100%)')) {
        run.compiled = performance.now() - started
        schedule('compiled')
      }
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      run.exited = performance.now() - started
      run.code = code
    })
    child.on('close', () => resolve(run))
    schedule('spawned')
  })
}

/** Whether some connection holds the write lock right now, i.e. the ingest is inside its write transaction. */
function writeLockHeld(file: string): boolean {
  const probe = new Database(file, { timeout: 0, fileMustExist: true })
  try {
    probe.exec('BEGIN IMMEDIATE')
    probe.exec('ROLLBACK')
    return false
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY')) return true
    throw error
  } finally {
    probe.close()
  }
}

describeSqliteOnly('kill -9 during an ingest', 'copies and probes the database file; PostgreSQL recovery is the server’s own', () => {
  let temp: Awaited<ReturnType<typeof createTempDb>>
  let update: string
  let beforeFile: string
  beforeAll(async () => {
    temp = await createTempDb()
    await applyPragmas(temp.db)
    const first = await ingestContent({ contentDir: generatedContentDir(100, 21), db: temp.db, write: true })
    expect(first.problems).toEqual([])
    await temp.db.$disconnect() // checkpoints the WAL into the file, so one file is the whole "before" state
    beforeFile = path.join(temp.dir, 'before.db')
    copyFileSync(temp.file, beforeFile)
    // The update rewrites 90 answers, adds 20 and removes 10: every stage of the write transaction has work.
    update = generatedContentDir(120, 22)
    for (let i = 1; i <= 10; i++) rmSync(path.join(update, 'answers', `q-${String(i).padStart(4, '0')}.mdx`))
  }, 120_000)
  afterAll(async () => temp.cleanup())

  it('leaves the store as it was or fully updated, whatever the moment', async () => {
    const fresh = (name: string) => {
      const file = path.join(temp.dir, `${name}.db`)
      copyFileSync(beforeFile, file)
      return file
    }
    const before = await dumpStore(fresh('before-check'), { ignoreTimes: true })
    const referenceFile = fresh('reference')
    const reference = await runIngest(update, referenceFile)
    expect(reference.code, reference.stderr).toBe(0)
    const after = await dumpStore(referenceFile, { ignoreTimes: true })
    expect(after).not.toEqual(before)
    const compiledAt = reference.compiled ?? 0
    const writeWindow = (reference.exited ?? 0) - compiledAt
    expect(compiledAt).toBeGreaterThan(0)

    // 11 kills after the last answer compiled (the write starts right after), spaced out roughly doubling so that
    // some land inside the write whatever the machine's speed, the last three near and past the end of the reference's
    // write and exit; then 3 spread over start-up and compile, timed from the latest run (the reference's start-up may
    // have included building the CLI bundle).
    const random = seededRandom(13)
    const jitter = () => 0.8 + 0.4 * random()
    const afterCompile = [0, 3, 8, 15, 30, 60, 120, 250, writeWindow * 0.7, writeWindow * 0.95, writeWindow * 2].map((ms) => ({ compiled: Math.round(ms * jitter()) }))
    const duringCompile = Array.from({ length: 3 }, () => ({ fraction: 0.05 + 0.9 * random() }))
    const outcomes: { at: string; killedAt?: number; inWrite: boolean; state: 'before' | 'after' | 'neither'; integrity: string }[] = []
    let latestCompiledAt = compiledAt
    for (const [index, plan] of [...afterCompile, ...duringCompile].entries()) {
      const file = fresh(`kill-${index}`)
      const spawnedDelay = 'fraction' in plan ? Math.round(latestCompiledAt * plan.fraction) : undefined
      let inWrite = false
      const run = await runIngest(
        update,
        file,
        (event) => ('compiled' in plan ? (event === 'compiled' ? plan.compiled : undefined) : event === 'spawned' ? spawnedDelay : undefined),
        () => (inWrite = writeLockHeld(file)),
      )
      if (run.compiled !== undefined) latestCompiledAt = run.compiled
      expect(run.stderr).not.toMatch(/^\s+at /m)
      const integrity = integrityCheck(file)
      const dump = JSON.stringify(await dumpStore(file, { ignoreTimes: true }))
      const state = dump === JSON.stringify(before) ? 'before' : dump === JSON.stringify(after) ? 'after' : 'neither'
      outcomes.push({ at: 'compiled' in plan ? `compiled+${plan.compiled}` : `spawn+${spawnedDelay}`, killedAt: run.killedAt, inWrite, state, integrity })
      rmSync(file, { force: true })
    }
    const count = (state: string) => outcomes.filter((o) => o.state === state).length
    console.info(
      `kill -9: ${outcomes.length} runs (reference: compiled at ${Math.round(compiledAt)} ms, write + exit ${Math.round(writeWindow)} ms); ` +
        `${count('before')} as before, ${count('after')} fully updated, ${count('neither')} neither; ` +
        `${outcomes.filter((o) => o.inWrite).length} killed holding the write lock; ${outcomes.filter((o) => o.killedAt === undefined).length} exited first\n` +
        outcomes.map((o) => `  ${o.at}: ${o.killedAt === undefined ? 'exited first' : `killed at ${Math.round(o.killedAt)} ms${o.inWrite ? ' in the write' : ''}`} -> ${o.state}`).join('\n'),
    )
    expect(outcomes.map((o) => o.integrity)).toEqual(outcomes.map(() => 'ok'))
    expect(count('neither')).toBe(0)
    expect(count('before')).toBeGreaterThan(0)
    expect(count('after')).toBeGreaterThan(0)
    expect(outcomes.some((o) => o.inWrite)).toBe(true)
  }, 120_000)
})
