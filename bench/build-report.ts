// The large-site build figures as `npm run bench build` and `npm run bench scale` print them.
import type { BuildBench, RequestSample } from './build'

export function printBuild(r: BuildBench, verdict: (ok: boolean) => string): void {
  const sample = (x: RequestSample) => `${x.ms} ms ${x.status} ${x.cache}${x.hasPolicy ? '' : ' NO CSP'}`
  const fresh = r.first.every((x) => x.cache === 'MISS')
  const cached = r.second.every((x) => x.cache === 'HIT' && x.hasPolicy)
  console.log(`\nnext build of ${r.answers} generated answers + the real glossary (ingested in ${r.ingestSeconds} s)`)
  console.log(`  build time                ${r.buildSeconds} s  (target ≤ 180 s: ${verdict(r.buildSeconds <= 180)})`)
  console.log(`  peak memory of the build  ${r.peakBuildMemoryMb} MB  (whole process tree, sampled every 250 ms)`)
  console.log(`  .next size                ${r.distMb} MB  (target ≤ 500 MB: ${verdict(r.distMb <= 500)}); ${r.prerenderedAnswerPages} answer pages pre-rendered`)
  console.log(`    by route                ${Object.entries(r.routeMb).map(([route, mb]) => `/${route} ${mb} MB`).join(', ')}`)
  console.log(`  warm-up answer            ${sample(r.warmUp)}  (first render in the server process: loads the page's modules)`)
  console.log(`  first request, median     ${r.firstMedianMs} ms of ${r.first.length} answers never opened  (target ≤ 300 ms: ${verdict(r.firstMedianMs <= 300 && fresh)}${fresh ? '' : '; some were already cached'})`)
  console.log(`    each                    ${r.first.map(sample).join(', ')}`)
  console.log(`  second request, median   ${r.secondMedianMs} ms  (from the page cache: ${verdict(cached)})`)
  console.log(`    each                    ${r.second.map(sample).join(', ')}`)
  console.log(`  machine load (1-min)      ${r.loadAverage.build} when the build started, ${r.loadAverage.requests} after the requests (2 cores)`)
}
