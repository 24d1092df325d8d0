// `npm run bench [ingest|cli|linker|http|citations|weight|lighthouse|build|scale|search ...] [--port=N] [--answers=N]`:
// runs the benchmarks, prints figures against the targets, and saves them to bench/results/latest.json. Not a test:
// it reports, it does not pass or fail the suite. With no names it runs the first five; `weight`, `lighthouse`,
// `build`, `scale` and `search` (minutes) run when named. `build` and `scale` build a site of --answers generated
// answers (or `BENCH_BUILD_ANSWERS`; 10,000 by default); `search` indexes `BENCH_SEARCH_ANSWERS` answers
// (10000,100000 by default). --port is where benchmarks that serve the site listen (http also uses the next port
// for its plain node peer; scale uses ten from there, 3480 by default).
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { benchBuild } from './build'
import { printBuild } from './build-report'
import { benchCitations } from './citations'
import { benchCli } from './cli'
import { z } from 'zod'
import { benchHttp, type LoadResult } from './http'
import { benchIngest } from './ingest'
import { benchLighthouse, type LighthouseRun } from './lighthouse'
import { benchLinker } from './linker'
import { benchPageWeight, type PageWeight } from './page-weight'
import { benchScale } from './scale'
import { printScale } from './scale-report'
import { printSearchBench } from './search-report'

/** The value, or one line on stderr and exit 2: a mistyped argument is not worth a stack trace. */
function parseArgument<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  console.error(`npm run bench: ${what}: ${result.error.issues.map((issue) => issue.message).join('; ')}`)
  process.exit(2)
}

const names = z.array(z.enum(['ingest', 'cli', 'linker', 'http', 'citations', 'weight', 'lighthouse', 'build', 'scale', 'search']))
const args = process.argv.slice(2)
const flag = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3)
const portFlag = flag('port')
const port = parseArgument(z.coerce.number().int().min(1024).max(65534), portFlag ?? 3300, '--port')
const largeSiteAnswers = parseArgument(
  z.coerce.number().int().min(20, 'at least 20 answers').max(50_000, 'at most 50,000 answers'),
  flag('answers') ?? process.env.BENCH_BUILD_ANSWERS ?? 10_000,
  '--answers (or BENCH_BUILD_ANSWERS)',
)
const named = parseArgument(names, args.filter((arg) => !arg.startsWith('--port=') && !arg.startsWith('--answers=')), 'benchmark names')
const wanted = new Set<string>(named.length ? named : ['ingest', 'cli', 'linker', 'http', 'citations'])
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
}
const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target')

if (wanted.has('ingest')) {
  const r = await benchIngest(1000)
  results.ingest = r
  console.log(`\nIngest of ${r.answers} generated answers (~${r.averageWords} words each)`)
  console.log(`  raw @mdx-js/mdx compile   ${r.rawCompilePerSecond} answers/s  (function-body, remark-gfm: the answers' dialect)`)
  console.log(`  full ingest               ${r.ingestPerSecond} answers/s  (target ≥ 50: ${verdict(r.ingestPerSecond >= 50)})`)
  console.log(`  ingest / raw compile      ${(r.ingestVsRawRatio * 100).toFixed(1)} %  (target ≥ 80 %: ${verdict(r.ingestVsRawRatio >= 0.8)}; best of 7 each)`)
  console.log(`  per alternating round     ${r.roundRatios.map((ratio) => `${(ratio * 100).toFixed(0)} %`).join(', ')}`)
  console.log(`  unchanged re-ingest       ${r.reingestUnchangedFilesPerSecond} files/s  (target ≥ 1,000: ${verdict(r.reingestUnchangedFilesPerSecond >= 1000)})`)
}
if (wanted.has('cli')) {
  const r = benchCli(1000)
  results.cli = r
  const s = (name: string) => r.seconds[name]
  const row = (name: string, note = '') => {
    const t = s(name)
    if (t) console.log(`  ${name.padEnd(38)} ${t.best.toFixed(2)} s best, ${t.median.toFixed(2)} s median${note}`)
  }
  const unchangedOk = (name: string) => verdict((s(name)?.best ?? Infinity) <= 0.5)
  console.log(`\nEditor commands as whole processes: ${r.answers} generated answers + ${r.glossaryTerms} glossary terms (real glossary)`)
  row('raw compile peer', '  (node script: gray-matter + zod + @mdx-js/mdx compile of every file)')
  row('cold ingest (npm run)', `  = ${r.coldAnswersPerSecond} answers/s`)
  row('cold ingest (direct)')
  console.log(`  cold ingest vs raw peer               ${r.coldRatio.toFixed(3)}× via npm run, ${r.coldRatioDirect.toFixed(3)}× direct  (target ≥ 1.0×: ${verdict(r.coldRatio >= 1)} via npm run, ${verdict(r.coldRatioDirect >= 1)} direct; best of ${r.coldRoundRatios.length} each)`)
  console.log(`  per alternating round (npm run)       ${r.coldRoundRatios.map((ratio) => `${ratio.toFixed(2)}×`).join(', ')}`)
  row('raw hash-and-skip peer', '  (node script: hash every file, compare with a saved manifest)')
  row('unchanged ingest (npm run)', `  (target ≤ 0.5 s: ${unchangedOk('unchanged ingest (npm run)')})`)
  row('unchanged ingest (direct)', `  (target ≤ 0.5 s: ${unchangedOk('unchanged ingest (direct)')})`)
  row('unchanged check (npm run)', `  (target ≤ 0.5 s: ${unchangedOk('unchanged check (npm run)')})`)
  row('unchanged check (direct)', `  (target ≤ 0.5 s: ${unchangedOk('unchanged check (direct)')})`)
  console.log(`  npm run's own start-up                ${r.npmOverheadSeconds.toFixed(2)} s  (median of npm run − direct, unchanged ingest)`)
  row('one answer edited: check (npm run)')
  row('one answer edited: ingest (npm run)')
  console.log(`  machine load (1-min average)          ${r.loadAverage.start} at start, ${r.loadAverage.end} at end (2 cores)`)
}
if (wanted.has('linker')) {
  const r = benchLinker(2000, 200)
  results.linker = r
  console.log(`\nGlossary linking: ${r.terms} terms, ${r.answers} answers of ~${r.averageWords} words (${r.linksPerAnswer} links each)`)
  console.log(`  trie matcher + remark     ${r.trieMsPerAnswer} ms/answer  (target ≤ 1 ms: ${verdict(r.trieMsPerAnswer <= 1)})`)
  console.log(`  one regex per term        ${r.naiveRegexMsPerAnswer} ms/answer`)
  console.log(`  speed-up                  ${r.speedup}×`)
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
function printWeight(w: PageWeight, label: string): void {
  console.log(`  ${label}: ${w.linkedTerms} linked terms, ${w.path}`)
  console.log(`    HTML                    ${kb(w.htmlBytes)} (${kb(w.htmlGzipBytes)} gzip)  (target ≤ 90 KB with the citation block: ${verdict(w.htmlBytes <= 90 * 1024)})`)
  console.log(`    flight payload in HTML  ${kb(w.inlineFlightBytes)} in self.__next_f.push scripts (${((w.inlineFlightBytes / w.htmlBytes) * 100).toFixed(0)} % of the HTML)`)
  console.log(`    RSC response            ${kb(w.rscBytes)} (RSC: 1, what a client-side navigation downloads)`)
  console.log(`    first-load JS           ${kb(w.firstLoadJsGzipBytes)} gzip in ${w.firstLoadJsFiles} files  (target ≤ 150 KB: ${verdict(w.firstLoadJsGzipBytes <= 150 * 1024)})`)
}

if (wanted.has('weight')) {
  const r = await benchPageWeight(port)
  results.weight = r
  console.log(`\nPage weight under next start (${r.built ? 'new build' : 'build reused'})`)
  printWeight(r.loadTestPage, 'ALVH answer')
  printWeight(r.thirtyTerms, '30-term reference answer')
}
if (wanted.has('lighthouse')) {
  const r = await benchLighthouse(port, 3)
  results.lighthouse = r
  const line = (x: LighthouseRun) =>
    `performance ${String(x.performance).padStart(3)}  LCP ${(x.lcpMs / 1000).toFixed(2)} s  TBT ${String(x.tbtMs).padStart(4)} ms  CLS ${x.cls === 0 ? 0 : x.cls.toPrecision(2)}  FCP ${(x.fcpMs / 1000).toFixed(2)} s  SI ${(x.speedIndexMs / 1000).toFixed(2)} s  main thread ${x.mainThreadMs} ms (JS ${x.scriptBootupMs} ms)  ${kb(x.transferBytes)}  benchmarkIndex ${x.benchmarkIndex}`
  console.log(`\nLighthouse ${r.lighthouseVersion}, mobile preset, ${r.runs.length} runs: ${r.linkedTerms}-term answer ${r.path}`)
  r.runs.forEach((run, index) => console.log(`  run ${index + 1}  ${line(run)}`))
  console.log(`  median ${line(r.median)}`)
  console.log(`  machine load (1-min avg)   ${r.loadAverage.start} before, ${r.loadAverage.end} after (2 cores; Lighthouse's simulated CPU is 4x this machine's observed task times)`)
  console.log(`  LCP phases (median run)   ${Object.entries(r.median.lcpPhases).map(([phase, ms]) => `${phase} ${ms} ms`).join(', ')}`)
  const m = r.median
  console.log(`  targets: performance ≥ 97 ${verdict(m.performance >= 97)}; LCP ≤ 2.0 s ${verdict(m.lcpMs <= 2000)}; CLS 0 ${verdict(m.cls === 0)}`)
}
if (wanted.has('http')) {
  const r = await benchHttp(10, port)
  results.http = r
  const { browser: b, identity: i, plainNode: peer } = r
  const ok = b.requestsPerSecond >= 1000 && b.latencyMs.p99 <= 30 && b.errors + b.non2xx === 0
  const line = (x: LoadResult) =>
    `${String(x.requestsPerSecond).padStart(8)} req/s  p50 / p90 / p99 ${x.latencyMs.p50} / ${x.latencyMs.p90} / ${x.latencyMs.p99} ms  ${(x.bytesPerResponse / 1024).toFixed(1)} KB/response  errors ${x.errors}, non-2xx ${x.non2xx}`
  console.log(`\nAnswer page under next start: ${r.connections} connections for ${r.durationSeconds} s each on 127.0.0.1, page ${(r.pageBytes / 1024).toFixed(1)} KB HTML`)
  console.log(`  browser headers (gzip)    ${line(b)}`)
  console.log(`  plain node, same (gzip)   ${line(peer.browser)}`)
  console.log(`  Next / plain node         ${(b.requestsPerSecond / peer.browser.requestsPerSecond).toFixed(2)}×`)
  console.log(`  no Accept-Encoding        ${line(i)}`)
  console.log(`  plain node, same          ${line(peer.identity)}`)
  console.log(`  Next / plain node         ${(i.requestsPerSecond / peer.identity.requestsPerSecond).toFixed(2)}×`)
  console.log(`  targets (browser headers) ≥ 1,000 req/s: ${verdict(b.requestsPerSecond >= 1000)}; p99 ≤ 30 ms: ${verdict(b.latencyMs.p99 <= 30)}`)
  console.log(`  first-load JS             ${r.firstLoadJsGzipKb} KB gzip in ${r.firstLoadJsFiles} files  (target ≤ 150: ${verdict(r.firstLoadJsGzipKb <= 150)})`)
  console.log('Page weight')
  printWeight(r.weight.loadTestPage, 'load-test page (ALVH answer)')
  printWeight(r.weight.thirtyTerms, '30-term reference answer')
  console.log(`  overall                   ${verdict(ok)}`)
}
if (wanted.has('citations')) {
  const r = await benchCitations()
  results.citations = r
  console.log(`\nCite this answer, formatted at each answer page render (${r.answers} generated answers)`)
  console.log(`  loading citation-js and the styles   ${r.importMs} ms, once per process`)
  console.log(`  first answer in a process            ${r.firstAnswerMs} ms  (parses the CSL styles, builds the engines)`)
  console.log(`  every format of one answer           ${r.msPerAnswer} ms  (median of 3 rounds)`)
  for (const [name, ms] of Object.entries(r.msPerFormat)) console.log(`    ${name.padEnd(34)} ${ms} ms`)
}

if (wanted.has('build')) {
  const r = await benchBuild(largeSiteAnswers)
  results.build = r
  printBuild(r, verdict)
}
if (wanted.has('scale')) {
  const r = await benchScale({ basePort: portFlag ? port : 3480, durationSeconds: 10, largeSiteAnswers })
  results.scale = r
  printScale(r, verdict)
}
if (wanted.has('search')) {
  const sizes = z.string().regex(/^\d+(,\d+)*$/, 'BENCH_SEARCH_ANSWERS: comma-separated answer counts, e.g. 10000,100000').parse(process.env.BENCH_SEARCH_ANSWERS ?? '10000,100000')
  results.search = await printSearchBench(sizes.split(',').map(Number))
}

mkdirSync('bench/results', { recursive: true })
writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`)
console.log('\nSaved bench/results/latest.json')
