// Ingest throughput vs. raw @mdx-js/mdx compile on the same 1,000 generated answers, then an unchanged re-ingest.
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { compile } from '@mdx-js/mdx'
import matter from 'gray-matter'
import remarkGfm from 'remark-gfm'
import { ingestContent } from '@/lib/content/ingest'
import { openMigratedDb } from '@/lib/migrate/migrations'
import { benchTerms, writeAnswers, writeGlossary } from './generate'

export interface IngestBench {
  answers: number
  averageWords: number
  rawCompilePerSecond: number
  ingestPerSecond: number
  ingestVsRawRatio: number
  /** Ingest / raw for each alternating round, to show how much a busy machine moved the headline ratio. */
  roundRatios: number[]
  reingestUnchangedFilesPerSecond: number
}

// A full collection before each timed round, so no round pays for the garbage the previous one left behind.
setFlagsFromString('--expose-gc')
export const collectGarbage = runInNewContext('gc') as () => void

export async function benchIngest(count = 1000): Promise<IngestBench> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ask-kb-bench-'))
  try {
    writeAnswers(dir, count)
    writeGlossary(dir, benchTerms)
    const files = readdirSync(path.join(dir, 'answers')).map((f) => readFileSync(path.join(dir, 'answers', f), 'utf8'))
    const bodies = files.map((source) => matter(source).content)
    const averageWords = Math.round(bodies.reduce((sum, body) => sum + body.split(/\s+/).length, 0) / bodies.length)

    // Best of seven rounds for each side, alternating, so a busy moment on a shared machine does not decide it.
    const rawRound = async () => {
      collectGarbage()
      const t0 = performance.now()
      for (const body of bodies) await compile(body, { outputFormat: 'function-body', remarkPlugins: [remarkGfm] })
      return (performance.now() - t0) / 1000
    }
    let roundNumber = 0
    const ingestRound = async () => {
      const url = `file:${path.join(dir, `bench-${roundNumber++}.db`)}`
      const { db } = await openMigratedDb(url)
      collectGarbage()
      const t0 = performance.now()
      const report = await ingestContent({ contentDir: dir, db, write: true })
      const seconds = (performance.now() - t0) / 1000
      if (report.problems.length > 0 || report.answers.new !== count) throw new Error(`bench ingest failed: ${JSON.stringify(report.problems.slice(0, 3))}`)
      return { db, seconds }
    }
    for (const body of bodies.slice(0, 30)) await compile(body, { outputFormat: 'function-body', remarkPlugins: [remarkGfm] })
    let rawSeconds = Infinity
    let ingestSeconds = Infinity
    const roundRatios: number[] = []
    let db: Awaited<ReturnType<typeof ingestRound>>['db'] | undefined
    for (let i = 0; i < 7; i++) {
      const raw = await rawRound()
      const run = await ingestRound()
      rawSeconds = Math.min(rawSeconds, raw)
      ingestSeconds = Math.min(ingestSeconds, run.seconds)
      roundRatios.push(round(raw / run.seconds, 3))
      await db?.$disconnect()
      db = run.db
    }
    if (!db) throw new Error('no ingest round ran')

    const started = performance.now()
    const second = await ingestContent({ contentDir: dir, db, write: true })
    const reingestSeconds = (performance.now() - started) / 1000
    if (second.answers.unchanged !== count) throw new Error('re-ingest did not skip unchanged files')
    await db.$disconnect()

    const rawCompilePerSecond = count / rawSeconds
    const ingestPerSecond = count / ingestSeconds
    return {
      answers: count,
      averageWords,
      rawCompilePerSecond: round(rawCompilePerSecond),
      ingestPerSecond: round(ingestPerSecond),
      ingestVsRawRatio: round(ingestPerSecond / rawCompilePerSecond, 3),
      roundRatios,
      reingestUnchangedFilesPerSecond: round((count + benchTerms.length) / reingestSeconds),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits
