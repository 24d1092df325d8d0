import { spawnSync } from 'node:child_process'
import { appendFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ingestContent } from '@/lib/content/ingest'
import { minFilesForWorkers } from '@/lib/content/compile-pool'
import { formatProblem } from '@/lib/content/problem'
import { generatedContentDir } from '@/tests/helpers/generated-content'
import { dumpStore } from '@/tests/helpers/store-dump'
import { createTempDb } from '@/tests/helpers/temp-db'

// The bundled CLI compiles a large batch in worker threads as well as its own (lib/content/compile-pool.ts); the
// sources run here by vitest compile in one thread. Both must give the same problems and the same stored rows.
function cli(command: 'check' | 'ingest', contentDir: string, databaseUrl: string) {
  const result = spawnSync(process.execPath, ['--conditions=react-server', 'scripts/run-bundled.mjs', 'lib/content/cli.ts', command], {
    env: { ...process.env, CONTENT_DIR: contentDir, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const count = minFilesForWorkers + 40
const threads = Math.min(4, availableParallelism())
const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('compile workers', () => {
  it('store exactly what a single-threaded ingest stores', { timeout: 180_000 }, async () => {
    const contentDir = generatedContentDir(count, 11, { words: 300 })
    dirs.push(contentDir)
    const viaWorkers = await createTempDb()
    const inProcess = await createTempDb()
    try {
      const run = cli('ingest', contentDir, viaWorkers.url)
      expect(run.stderr).not.toMatch(/^\s+at /m)
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(new RegExp(`^${count} answers: ${count} new, .*\\(\\d+\\.\\d s${threads > 1 ? ` on ${threads} threads` : ''}\\)$`, 'm'))
      const report = await ingestContent({ contentDir, db: inProcess.db, write: true })
      expect(report.problems).toEqual([])
      expect(report.compileThreads).toBe(1)
      await viaWorkers.db.$disconnect()
      await inProcess.db.$disconnect()
      const workersDump = await dumpStore(viaWorkers.url, { ignoreTimes: true })
      expect(workersDump.Answer).toHaveLength(count)
      expect(workersDump).toEqual(await dumpStore(inProcess.url, { ignoreTimes: true }))
    } finally {
      await viaWorkers.cleanup()
      await inProcess.cleanup()
    }
  })

  it('report the same problems, in file order, as a single-threaded check', { timeout: 180_000 }, async () => {
    const contentDir = generatedContentDir(count, 12)
    dirs.push(contentDir)
    // Problems spread over the batches, some inside files compiled by a worker whatever the timing.
    for (const n of [3, 40, 77, 101, count - 1]) {
      appendFileSync(path.join(contentDir, 'answers', `q-${String(n).padStart(4, '0')}.mdx`), `\nSee <Term slug="no-such-term-${n}">this</Term> and {expression}.\n`)
    }
    writeFileSync(path.join(contentDir, 'answers', 'q-0050.mdx'), '---\ntitle: "Too deep: what happens?"\n---\n\n' + '> '.repeat(500) + 'x\n')
    const expected = (await ingestContent({ contentDir, db: null, write: false })).problems.map(formatProblem)
    expect(expected.length).toBeGreaterThanOrEqual(10)
    const run = cli('check', contentDir, `file:${path.join(contentDir, 'none.db')}`)
    expect(run.code).toBe(1)
    expect(run.stderr).not.toMatch(/^\s+at /m)
    const printed = run.stderr.split('\n').filter((line) => line.includes('answers/q-'))
    expect(printed).toEqual(expected)
  })
})
