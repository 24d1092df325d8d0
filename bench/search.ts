// `npm run bench search`: the search module (lib/search, what /search uses) on generated corpora, SQLite and
// PostgreSQL, with MiniSearch in memory as the peer: index build time and size, then 200 fixed queries (top 10 with
// snippets, facets and the count) timed one at a time. BENCH_SEARCH_ANSWERS sets the sizes (default 10000,100000).
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { providerOfDb, type Db } from '@/lib/db'
import { openMigratedDb } from '@/lib/migrate/migrations'
import { reindexAnswers } from '@/lib/search/index-answers'
import { searchAnswers } from '@/lib/search/search'
import { startCluster, stopCluster } from '@/scripts/postgres-cluster.mjs'
import { buildPeer, peerSearch } from './search-peer'
import { writeCorpus } from './search-corpus'
import { benchQueries, type BenchQuery } from './search-queries'

export interface Latency {
  p50: number
  p95: number
  p99: number
}

export interface EngineRun {
  engine: 'sqlite' | 'postgresql' | 'minisearch'
  writeSeconds: number | null
  indexBuildSeconds: number
  indexMb: number | null
  latencyMs: Latency
  /** Median top-10 size and how many queries found nothing: the engines answered comparable queries. */
  medianHits: number
  emptyQueries: number
}

export interface SearchBench {
  answers: number
  queries: number
  runs: EngineRun[]
}

const percentile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN
const round = (ms: number) => Math.round(ms * 100) / 100

function summarize(times: number[], hits: number[]): Pick<EngineRun, 'latencyMs' | 'medianHits' | 'emptyQueries'> {
  const sorted = [...times].sort((a, b) => a - b)
  const sortedHits = [...hits].sort((a, b) => a - b)
  return { latencyMs: { p50: round(percentile(sorted, 0.5)), p95: round(percentile(sorted, 0.95)), p99: round(percentile(sorted, 0.99)) }, medianHits: percentile(sortedHits, 0.5), emptyQueries: hits.filter((h) => h === 0).length }
}

/** Each query once as warm-up (caches, prepared plans), then each timed once, in order. */
async function timeQueries(run: (query: BenchQuery) => Promise<number> | number, queries: readonly BenchQuery[]) {
  for (const query of queries) await run(query)
  const times: number[] = []
  const hits: number[] = []
  for (const query of queries) {
    const t0 = performance.now()
    hits.push(await run(query))
    times.push(performance.now() - t0)
  }
  return summarize(times, hits)
}

async function indexSizeMb(db: Db): Promise<number> {
  const rows =
    providerOfDb(db) === 'sqlite'
      ? await db.$queryRaw<{ bytes: bigint | number }[]>`SELECT sum(pgsize) AS "bytes" FROM dbstat WHERE name LIKE 'AnswerSearch%'`
      : await db.$queryRaw<{ bytes: bigint | number }[]>`SELECT pg_total_relation_size('"AnswerSearch"') AS "bytes"`
  return Math.round(Number(rows[0]?.bytes ?? 0) / 1024 / 102.4) / 10
}

async function benchDatabase(url: string, answers: number, queries: readonly BenchQuery[]): Promise<EngineRun> {
  const { db } = await openMigratedDb(url)
  try {
    const writeSeconds = await writeCorpus(db, answers)
    const ids = (await db.answer.findMany({ select: { id: true } })).map((row) => row.id)
    const t0 = performance.now()
    await db.$transaction((tx) => reindexAnswers(tx, providerOfDb(db), ids), { timeout: 60 * 60_000 })
    const indexBuildSeconds = (performance.now() - t0) / 1000
    if (providerOfDb(db) === 'postgresql') await db.$executeRawUnsafe('VACUUM ANALYZE "AnswerSearch"')
    const timed = await timeQueries(async (query) => (await searchAnswers(db, { q: query.q, category: query.category, tag: query.tag })).hits.length, queries)
    return { engine: providerOfDb(db), writeSeconds: Math.round(writeSeconds * 10) / 10, indexBuildSeconds: Math.round(indexBuildSeconds * 10) / 10, indexMb: await indexSizeMb(db), ...timed }
  } finally {
    await db.$disconnect()
  }
}

export async function benchSearch(sizes: readonly number[]): Promise<SearchBench[]> {
  const queries = benchQueries()
  const cluster = await startCluster()
  const dir = mkdtempSync(path.join(tmpdir(), 'ask-kb-bench-search-'))
  const out: SearchBench[] = []
  try {
    for (const answers of sizes) {
      const file = path.join(dir, `search-${answers}.db`)
      const sqlite = await benchDatabase(`file:${file}`, answers, queries)
      console.log(`  ${answers} answers on SQLite done (file ${(statSync(file).size / 1048576).toFixed(0)} MB)`)
      const name = `bench_search_${answers}`
      const admin = new pg.Client({ connectionString: cluster.url })
      await admin.connect()
      await admin.query(`CREATE DATABASE ${name}`)
      await admin.end()
      const url = new URL(cluster.url)
      url.pathname = `/${name}`
      const postgres = await benchDatabase(url.toString(), answers, queries)
      console.log(`  ${answers} answers on PostgreSQL done`)
      const { peer, seconds } = buildPeer(answers)
      const mini = await timeQueries((query) => peerSearch(peer, query), queries)
      out.push({ answers, queries: queries.length, runs: [sqlite, postgres, { engine: 'minisearch', writeSeconds: null, indexBuildSeconds: Math.round(seconds * 10) / 10, indexMb: null, ...mini }] })
      rmSync(file, { force: true })
    }
  } finally {
    stopCluster(cluster.dir)
    rmSync(dir, { recursive: true, force: true })
  }
  return out
}
