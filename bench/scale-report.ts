// How `npm run bench scale` prints its figures: one table of the five ways of serving, the targets, the
// conditions they were measured under, the ingest into each database and the large-site build.
import { printBuild } from './build-report'
import type { LoadResult } from './http'
import type { ScaleBench } from './scale'
import type { ResponseProbe } from './scale-nginx'

const kb = (bytes: number) => (bytes / 1024).toFixed(1)
const mean = (a: number, b: number) => (a + b) / 2

const columns = ['req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'KB/resp', '× (e)', 'others']
const widths = [9, 7, 7, 7, 8, 8, 8, 8]
const cells = (values: string[]) => values.map((value, index) => value.padStart(widths[index] ?? 8)).join('')

export function printScale(r: ScaleBench, verdict: (ok: boolean) => string): void {
  const peer = mean(r.peer.browser.requestsPerSecond, r.peer.browserAgain.requestsPerSecond)
  const peerIdentity = r.peer.identity?.requestsPerSecond ?? NaN
  const { withoutCache, microCache, microCacheFilledPrecompressed: filled } = r.nginx
  const phases = r.duringLoads.phases
  const row = (label: string, phase: string, x: LoadResult, versus: number, note = '') => {
    const others = phases[phase]
    const values = [x.requestsPerSecond, x.latencyMs.p50, x.latencyMs.p99, x.errors, x.non2xx].map(String)
    values.push(kb(x.bytesPerResponse), `${(x.requestsPerSecond / versus).toFixed(2)}×`, others === undefined ? '-' : `${(others * 100).toFixed(0)} %`)
    console.log(`  ${label.padEnd(50)}${cells(values)}${note ? `  ${note}` : ''}`)
  }
  const served = (probe: ResponseProbe) => `${probe.encoding}${probe.cacheStatus === '-' ? '' : `, nginx ${probe.cacheStatus}`}`
  console.log(`\nServing the answer page ${r.path}`)
  console.log(`  ${r.connections} connections for ${r.durationSeconds} s per row (after 3 s of the same load), autocannon in this process on 127.0.0.1; answer ${kb(r.pageBytes.answer)} KB HTML, peer post ${kb(r.pageBytes.peer)} KB`)
  console.log('  browser headers (Accept-Encoding: gzip, deflate, br) unless the row says "no Accept-Encoding"; "others": CPU other sessions used during the row, share of both cores')
  console.log(`  ${'case'.padEnd(50)}${cells(columns)}  served as`)
  row('(a) next start, SQLite', 'a', r.sqlite.browser, peer, served(r.sqlite.probe))
  if (r.sqlite.identity) row('(a) same, no Accept-Encoding', 'a identity', r.sqlite.identity, peerIdentity, 'none (× (e) with no Accept-Encoding)')
  row('(b) next start, PostgreSQL', 'b', r.postgresql.browser, peer, served(r.postgresql.probe))
  row('(c) nginx, 2 × next start, PostgreSQL, no cache', 'c', withoutCache.browser, peer, served(withoutCache.probe))
  row('(d) nginx micro-cache, same instances', 'd', microCache.browser, peer, served(microCache.probe))
  row('(d) same, cache filled once pages were compressed', 'd filled pre-compressed', filled.browser, peer, served(filled.probe))
  row('(e) peer: bare Next 16 blog post, next start', 'e', r.peer.browser, peer, served(r.peer.probe))
  row('(e) peer again, after (a)–(d)', 'e again', r.peer.browserAgain, peer, served(r.peer.probe))
  if (r.peer.identity) row('(e) peer, no Accept-Encoding', 'e identity', r.peer.identity, peerIdentity, 'none')
  console.log("  × (e) is against the mean of the peer's two runs with browser headers")

  const loads = [r.sqlite.browser, r.sqlite.identity, r.postgresql.browser, withoutCache.browser, microCache.browser, filled.browser, r.peer.browser, r.peer.browserAgain, r.peer.identity]
  const failures = loads.reduce((sum, x) => sum + (x ? x.errors + x.non2xx : 0), 0)
  const sqliteRatio = r.sqlite.browser.requestsPerSecond / peer
  const cacheRatio = microCache.browser.requestsPerSecond / peer
  const filledRatio = filled.browser.requestsPerSecond / peer
  console.log('  targets')
  console.log(`    0 errors and non-2xx in every row     ${failures} in all: ${verdict(failures === 0)}`)
  console.log(`    (a) ≥ 1.0× (e)                        ${sqliteRatio.toFixed(2)}×: ${verdict(sqliteRatio >= 1)}`)
  console.log(`    (d) ≥ 10× (e)                         ${cacheRatio.toFixed(2)}×: ${verdict(cacheRatio >= 10)}`)
  console.log(`    (d) p99 ≤ 15 ms                       ${microCache.browser.latencyMs.p99} ms: ${verdict(microCache.browser.latencyMs.p99 <= 15)}`)
  console.log(`    (d) filled pre-compressed: ≥ 10× (e)  ${filledRatio.toFixed(2)}×: ${verdict(filledRatio >= 10)}; p99 ≤ 15 ms  ${filled.browser.latencyMs.p99} ms: ${verdict(filled.browser.latencyMs.p99 <= 15)}`)

  const during = r.duringLoads
  console.log('  conditions')
  console.log(`    builds                                peer ${r.buildSeconds.peer} s, SQLite site ${r.buildSeconds.sqlite} s, PostgreSQL site ${r.buildSeconds.postgresql} s (each with its ingest)`)
  console.log(`    during the loads (${during.seconds} s)             other processes used ${(during.othersShare * 100).toFixed(0)} % of both cores; 1-min load average ${during.loadAverage.start} → ${during.loadAverage.end} (counts this run's own threads too)`)
  for (const other of during.others) console.log(`      ${other.cpuSeconds.toFixed(1).padStart(6)} CPU s  pid ${other.pid}  ${other.command}`)

  const i = r.ingest
  console.log(`\nIngest of ${i.answers} generated answers into an empty store, best of ${i.sqlite.roundSeconds.length} alternating rounds (private PostgreSQL cluster: fsync off)`)
  console.log(`  SQLite                    ${i.sqlite.answersPerSecond} answers/s  (rounds ${i.sqlite.roundSeconds.join(', ')} s); unchanged re-ingest ${i.sqlite.unchangedFilesPerSecond} files/s`)
  console.log(`  PostgreSQL                ${i.postgresql.answersPerSecond} answers/s  (rounds ${i.postgresql.roundSeconds.join(', ')} s); unchanged re-ingest ${i.postgresql.unchangedFilesPerSecond} files/s`)
  console.log(`  PostgreSQL / SQLite       ${i.postgresqlVsSqlite.toFixed(2)}×`)

  printBuild(r.largeSite, verdict)
}
