// How `npm run bench scale` prints its figures: one table of the five ways of serving, the targets, the
// conditions they were measured under, the ingest into each database and the large-site build.
import { printBuild } from './build-report'
import type { LoadResult } from './http'
import type { ScaleBench } from './scale'

const kb = (bytes: number) => (bytes / 1024).toFixed(1)
const mean = (a: number, b: number) => (a + b) / 2

function row(label: string, x: LoadResult, peerRequestsPerSecond: number, note = ''): string {
  const cells = [
    String(x.requestsPerSecond).padStart(9),
    String(x.latencyMs.p50).padStart(7),
    String(x.latencyMs.p99).padStart(7),
    String(x.errors).padStart(7),
    String(x.non2xx).padStart(8),
    kb(x.bytesPerResponse).padStart(8),
    `${(x.requestsPerSecond / peerRequestsPerSecond).toFixed(2)}×`.padStart(8),
  ]
  return `  ${label.padEnd(50)}${cells.join('')}${note ? `  ${note}` : ''}`
}

export function printScale(r: ScaleBench, verdict: (ok: boolean) => string): void {
  const peer = mean(r.peer.browser.requestsPerSecond, r.peer.browserAgain.requestsPerSecond)
  const peerIdentity = r.peer.identity?.requestsPerSecond ?? NaN
  const { withoutCache, microCache } = r.nginx
  console.log(`\nServing the answer page ${r.path}`)
  console.log(`  ${r.connections} connections for ${r.durationSeconds} s per row (after 3 s of the same load), autocannon on 127.0.0.1; answer ${kb(r.pageBytes.answer)} KB HTML, peer post ${kb(r.pageBytes.peer)} KB`)
  console.log('  browser headers (Accept-Encoding: gzip, deflate, br) unless the row says "no Accept-Encoding"')
  console.log(`  ${'case'.padEnd(50)}${'req/s'.padStart(9)}${'p50 ms'.padStart(7)}${'p99 ms'.padStart(7)}${'errors'.padStart(7)}${'non-2xx'.padStart(8)}${'KB/resp'.padStart(8)}${'× (e)'.padStart(8)}`)
  console.log(row('(a) next start, SQLite', r.sqlite.browser, peer))
  if (r.sqlite.identity) console.log(row('(a) same, no Accept-Encoding', r.sqlite.identity, peerIdentity, '× (e) with no Accept-Encoding'))
  console.log(row('(b) next start, PostgreSQL', r.postgresql.browser, peer))
  console.log(row('(c) nginx, 2 × next start, PostgreSQL, no cache', withoutCache.browser, peer))
  console.log(row('(d) nginx micro-cache, same instances', microCache.browser, peer, `X-Cache-Status after the load: ${microCache.cacheStatus}`))
  console.log(row('(e) peer: bare Next 16 blog post, next start', r.peer.browser, peer))
  console.log(row('(e) peer again, after (a)–(d)', r.peer.browserAgain, peer))
  if (r.peer.identity) console.log(row('(e) peer, no Accept-Encoding', r.peer.identity, peerIdentity))
  console.log('  × (e) is against the mean of the peer\'s two runs with browser headers')

  const loads = [r.sqlite.browser, r.sqlite.identity, r.postgresql.browser, withoutCache.browser, microCache.browser, r.peer.browser, r.peer.browserAgain, r.peer.identity]
  const failures = loads.reduce((sum, x) => sum + (x ? x.errors + x.non2xx : 0), 0)
  const sqliteRatio = r.sqlite.browser.requestsPerSecond / peer
  const cacheRatio = microCache.browser.requestsPerSecond / peer
  console.log('  targets')
  console.log(`    0 errors and non-2xx in every row     ${failures} in all: ${verdict(failures === 0)}`)
  console.log(`    (a) ≥ 1.0× (e)                        ${sqliteRatio.toFixed(2)}×: ${verdict(sqliteRatio >= 1)}`)
  console.log(`    (d) ≥ 10× (e)                         ${cacheRatio.toFixed(2)}×: ${verdict(cacheRatio >= 10)}`)
  console.log(`    (d) p99 ≤ 15 ms                       ${microCache.browser.latencyMs.p99} ms: ${verdict(microCache.browser.latencyMs.p99 <= 15)}`)

  const during = r.duringLoads
  console.log('  conditions')
  console.log(`    builds                                peer ${r.buildSeconds.peer} s, SQLite site ${r.buildSeconds.sqlite} s, PostgreSQL site ${r.buildSeconds.postgresql} s (each with its ingest)`)
  console.log(`    during the loads (${during.seconds} s)             1-min load average ${during.loadAverage.start} → ${during.loadAverage.end}; other processes used ${(during.othersShareOfMachine * 100).toFixed(0)} % of the machine`)
  for (const other of during.others) console.log(`      ${String(other.cpuSeconds).padStart(6)} CPU s  pid ${other.pid}  ${other.command}`)

  const i = r.ingest
  console.log(`\nIngest of ${i.answers} generated answers into an empty store, best of ${i.sqlite.roundSeconds.length} alternating rounds (private PostgreSQL cluster: fsync off)`)
  console.log(`  SQLite                    ${i.sqlite.answersPerSecond} answers/s  (rounds ${i.sqlite.roundSeconds.join(', ')} s); unchanged re-ingest ${i.sqlite.unchangedFilesPerSecond} files/s`)
  console.log(`  PostgreSQL                ${i.postgresql.answersPerSecond} answers/s  (rounds ${i.postgresql.roundSeconds.join(', ')} s); unchanged re-ingest ${i.postgresql.unchangedFilesPerSecond} files/s`)
  console.log(`  PostgreSQL / SQLite       ${i.postgresqlVsSqlite.toFixed(2)}×`)

  printBuild(r.largeSite, verdict)
}
