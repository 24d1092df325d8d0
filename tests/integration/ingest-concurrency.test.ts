import { spawn, spawnSync } from 'node:child_process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ingestContent, IngestNotAppliedError } from '@/lib/content/ingest'
import { applyPragmas } from '@/lib/db'
import { answerHashesOnDisk, answerHashesStored, generatedContentDir } from '@/tests/helpers/generated-content'
import { dumpStore, integrityCheck } from '@/tests/helpers/store-dump'
import { createTempDb, type TempDb } from '@/tests/helpers/temp-db'
import { onPostgres } from '@/tests/helpers/test-database'
import { ingestLockKey } from '@/lib/data/ingest-lock'
import { runNode, type NodeRun } from '@/tests/helpers/run-node'

// The command `npm run content:ingest` runs (the bundled CLI on plain node).
const cliArgs = ['--conditions=react-server', 'scripts/run-bundled.mjs', 'lib/content/cli.ts', 'ingest'] as const

/** The real CLI in its own process, as an editor runs it. */
function runCli(contentDir: string, databaseUrl: string): Promise<NodeRun> {
  return runNode(cliArgs, { env: { CONTENT_DIR: contentDir, DATABASE_URL: databaseUrl } })
}

function runCliSync(contentDir: string, databaseUrl: string): { code: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [...cliArgs], { env: { ...process.env, CONTENT_DIR: contentDir, DATABASE_URL: databaseUrl }, encoding: 'utf8', timeout: 60_000 })
  return { code: result.status, stderr: result.stderr }
}

function once(action: () => void): () => void {
  let done = false
  return () => {
    if (!done) action()
    done = true
  }
}

/**
 * Another process holding the store's write lock for `holdMs`; resolves once it holds it. SQLite: BEGIN IMMEDIATE
 * on the file. PostgreSQL: the ingest's advisory lock (what another machine's ingest would hold).
 */
async function holdWriteLock(temp: TempDb, holdMs: number): Promise<{ released: Promise<void> }> {
  const script = onPostgres
    ? `const pg = require('pg'); const c = new pg.Client({ connectionString: ${JSON.stringify(temp.url)} });
      c.connect().then(() => c.query('SELECT pg_advisory_lock(${ingestLockKey})')).then(() => { console.log('locked');
      setTimeout(() => c.query('SELECT pg_advisory_unlock_all()').then(() => c.end()).then(() => console.log('released')), ${holdMs}) })`
    : `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(temp.file)}); db.exec('BEGIN IMMEDIATE');
    console.log('locked'); setTimeout(() => { db.exec('ROLLBACK'); db.close(); console.log('released') }, ${holdMs})`
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'], timeout: holdMs + 10_000 })
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve())
    child.once('error', reject)
  })
  return { released: new Promise((resolve) => child.once('close', () => resolve())) }
}

describe('two ingests at once never interleave', () => {
  let temp: TempDb
  beforeEach(async () => {
    temp = await createTempDb()
    await applyPragmas(temp.db)
  })
  afterEach(async () => temp.cleanup())

  // Another ingest (the real CLI, in its own process) runs to the end while this one compiles: the onProgress call
  // at the start of the answer compile comes after this ingest read the store and before it writes.
  const ingestMeanwhile = (contentDir: string) => () => {
    const other = runCliSync(contentDir, temp.url)
    expect(other.code, other.stderr).toBe(0)
  }

  it('an ingest whose plan went stale while it compiled plans again and applies in full', async () => {
    const large = generatedContentDir(12, 1)
    const small = generatedContentDir(2, 2) // the slugs of the first two large answers, other bodies
    const report = await ingestContent({ contentDir: large, db: temp.db, write: true, onProgress: once(ingestMeanwhile(small)) })
    expect(report).toMatchObject({ problems: [], replanned: true })
    // Counted against what the other ingest wrote: its two answers changed, the rest are new.
    expect(report.answers).toEqual({ total: 12, new: 10, changed: 2, relinked: 0, unchanged: 0, unpublished: 0 })
    expect(await answerHashesStored(temp.db)).toEqual(await answerHashesOnDisk(large))
    expect((await temp.db.ingestState.findUniqueOrThrow({ where: { id: 1 } })).revision).toBe(2)
  }, 90_000)

  it('the same content ingested meanwhile: planning again finds nothing left to do', async () => {
    const dir = generatedContentDir(10, 3)
    const report = await ingestContent({ contentDir: dir, db: temp.db, write: true, onProgress: once(ingestMeanwhile(dir)) })
    expect(report).toMatchObject({ problems: [], replanned: true })
    expect(report.answers).toEqual({ total: 10, new: 0, changed: 0, relinked: 0, unchanged: 10, unpublished: 0 })
    expect(await answerHashesStored(temp.db)).toEqual(await answerHashesOnDisk(dir))
  }, 90_000)

  it('stale twice: refuses with a one-line message and leaves what the other ingests wrote', async () => {
    const mine = generatedContentDir(10, 8)
    const others = [generatedContentDir(3, 9), generatedContentDir(4, 10)]
    let calls = 0
    const interfere = (done: number) => {
      const next = others[calls]
      if (done === 0 && next) {
        calls++
        ingestMeanwhile(next)()
      }
    }
    const run = ingestContent({ contentDir: mine, db: temp.db, write: true, onProgress: interfere })
    await expect(run).rejects.toBeInstanceOf(IngestNotAppliedError)
    await expect(run).rejects.toThrow(
      /^another ingest changed the content store while this one was running \(also after planning again\); nothing was written - run it again$/,
    )
    expect(calls).toBe(2)
    expect(await answerHashesStored(temp.db)).toEqual(await answerHashesOnDisk(others[1] ?? ''))
  }, 90_000)

  it('two in-process ingests of the same content on one client: one writes, the other finds nothing to do', async () => {
    const dir = generatedContentDir(10, 3)
    const reports = await Promise.all([1, 2].map(() => ingestContent({ contentDir: dir, db: temp.db, write: true })))
    const news = reports.map((report) => report.answers.new).sort()
    expect(news).toEqual([0, 10])
    expect(reports.every((report) => report.problems.length === 0 && report.answers.unchanged + report.answers.new === 10)).toBe(true)
    expect(await answerHashesStored(temp.db)).toEqual(await answerHashesOnDisk(dir))
  })

  it('two CLI processes on one database: both finish, one after the other, without a stack trace', async () => {
    const first = generatedContentDir(10, 4)
    const second = generatedContentDir(10, 5) // same slugs, other bodies: whichever writes last wins every row
    const results = await Promise.all([runCli(first, temp.url), runCli(second, temp.url)])
    for (const result of results) {
      expect(result.stderr + result.stdout).not.toMatch(/^\s+at /m)
      expect(result.code, result.stderr).toBe(0)
      expect(result.stdout).toMatch(/^10 answers: /m)
    }
    if (!onPostgres) expect(integrityCheck(temp.file)).toBe('ok')
    const stored = await answerHashesStored(temp.db)
    const candidates = [await answerHashesOnDisk(first), await answerHashesOnDisk(second)]
    expect(candidates.some((expected) => JSON.stringify([...expected]) === JSON.stringify([...stored].sort()))).toBe(true)
    expect((await temp.db.ingestState.findUniqueOrThrow({ where: { id: 1 } })).revision).toBe(2)
  }, 90_000)

  it('waits for another writer that holds the store briefly', async () => {
    const dir = generatedContentDir(3, 6)
    const lock = await holdWriteLock(temp, 1500)
    let released = false
    void lock.released.then(() => (released = true))
    let waits = 0
    const report = await ingestContent({ contentDir: dir, db: temp.db, write: true, onLockWait: () => waits++ })
    expect(report.problems).toEqual([])
    await lock.released
    expect(released).toBe(true)
    // PostgreSQL's try-lock comes back at once, so the ingest knows it waits (and the CLI says so); SQLite's first
    // try blocks inside its 5 s busy timeout and gets the lock without a retry.
    expect(waits).toBe(onPostgres ? 1 : 0)
    expect(await answerHashesStored(temp.db)).toEqual(await answerHashesOnDisk(dir))
  })

  it('gives up with a one-line message when another writer keeps the store locked, writing nothing', async () => {
    const dir = generatedContentDir(3, 7)
    const before = await dumpStore(temp.url)
    const lock = await holdWriteLock(temp, 9000)
    const run = ingestContent({ contentDir: dir, db: temp.db, write: true, lockWaitMs: 1000 })
    await expect(run).rejects.toBeInstanceOf(IngestNotAppliedError)
    await expect(run).rejects.toThrow(/^another process kept the content store locked for \d+ s; nothing was written - run it again when it has finished$/)
    await lock.released
    expect(await dumpStore(temp.url)).toEqual(before)
  })
})
