// Ingest throughput vs. raw @mdx-js/mdx compile on the same 1,000 generated answers, then an unchanged re-ingest.
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { compile } from '@mdx-js/mdx'
import matter from 'gray-matter'
import remarkGfm from 'remark-gfm'
import { ingestContent } from '@/lib/content/ingest'
import { applyPragmas, createDb } from '@/lib/db'
import { deployMigrations } from '@/lib/migrate/migrations'
import { benchTerms, writeAnswers, writeGlossary } from './generate'

export interface IngestBench {
  answers: number
  averageWords: number
  rawCompilePerSecond: number
  ingestPerSecond: number
  ingestVsRawRatio: number
  reingestUnchangedFilesPerSecond: number
}

export async function benchIngest(count = 1000): Promise<IngestBench> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ask-kb-bench-'))
  try {
    writeAnswers(dir, count)
    writeGlossary(dir, benchTerms)
    const files = readdirSync(path.join(dir, 'answers')).map((f) => readFileSync(path.join(dir, 'answers', f), 'utf8'))
    const bodies = files.map((source) => matter(source).content)
    const averageWords = Math.round(bodies.reduce((sum, body) => sum + body.split(/\s+/).length, 0) / bodies.length)

    // Warm both paths so JIT and module loading do not favour whichever runs second.
    for (const body of bodies.slice(0, 20)) await compile(body, { outputFormat: 'function-body', remarkPlugins: [remarkGfm] })
    let started = performance.now()
    for (const body of bodies) await compile(body, { outputFormat: 'function-body', remarkPlugins: [remarkGfm] })
    const rawSeconds = (performance.now() - started) / 1000

    const url = `file:${path.join(dir, 'bench.db')}`
    await deployMigrations({ databaseUrl: url })
    const db = createDb(url)
    await applyPragmas(db)
    started = performance.now()
    const first = await ingestContent({ contentDir: dir, db, write: true })
    const ingestSeconds = (performance.now() - started) / 1000
    if (first.problems.length > 0 || first.answers.new !== count) throw new Error(`bench ingest failed: ${JSON.stringify(first.problems.slice(0, 3))}`)

    started = performance.now()
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
      reingestUnchangedFilesPerSecond: round((count + benchTerms.length) / reingestSeconds),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits
