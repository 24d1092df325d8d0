// Prints the search benchmark as one table per corpus size, with the targets and the ratios to SQLite.
import os from 'node:os'
import { benchSearch, type EngineRun, type SearchBench } from './search'

const targets: Record<number, { p95: number; p99?: number }> = { 10_000: { p95: 10 }, 100_000: { p95: 80, p99: 150 } }
const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target')
const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9)

function row(run: EngineRun, sqlite: EngineRun): string {
  const ratio = run === sqlite ? '' : `  ×${(run.latencyMs.p95 / sqlite.latencyMs.p95).toFixed(2)} p95, ×${(run.latencyMs.p99 / sqlite.latencyMs.p99).toFixed(2)} p99 vs SQLite`
  const build = `${run.indexBuildSeconds.toFixed(1)} s`.padStart(8)
  const size = run.indexMb === null ? '(in memory)'.padStart(11) : `${run.indexMb.toFixed(1)} MB`.padStart(11)
  const write = run.writeSeconds === null ? ''.padStart(9) : `${run.writeSeconds.toFixed(1)} s`.padStart(9)
  return `  ${run.engine.padEnd(11)} ${write} ${build} ${size} ${ms(run.latencyMs.p50)} ${ms(run.latencyMs.p95)} ${ms(run.latencyMs.p99)}   hits ${run.medianHits}, empty ${run.emptyQueries}${ratio}`
}

export async function printSearchBench(sizes: readonly number[]): Promise<SearchBench[]> {
  const load = os.loadavg()[0]?.toFixed(2)
  const results = await benchSearch(sizes)
  for (const result of results) {
    const [sqlite] = result.runs
    if (!sqlite) continue
    console.log(`\nSearch: ${result.answers} generated answers (~700 words), ${result.queries} fixed queries, top 10 with snippets, facets and count`)
    console.log(`  ${'engine'.padEnd(11)} ${'rows+idx'.padStart(9)} ${'rebuild'.padStart(8)} ${'index size'.padStart(11)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'p99'.padStart(9)}`)
    for (const run of result.runs) console.log(row(run, sqlite))
    const target = targets[result.answers]
    if (target) {
      const p99 = target.p99 === undefined ? '' : `; p99 ≤ ${target.p99} ms: ${verdict(sqlite.latencyMs.p99 <= target.p99)}`
      console.log(`  SQLite targets: p95 ≤ ${target.p95} ms: ${verdict(sqlite.latencyMs.p95 <= target.p95)}${p99}`)
    }
  }
  console.log(`  machine load (1-min average) ${load} at start, ${os.loadavg()[0]?.toFixed(2)} at end (2 cores); MiniSearch: ids only, no snippets/facets/phrases`)
  return results
}
