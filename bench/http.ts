// Serves a production build of the real content with `next start` on 127.0.0.1 and loads one answer page with
// autocannon (50 connections, bounded to 10 s), sending the headers a browser sends (so Next compresses every
// response, as it does for readers) and, for comparison with earlier figures, without Accept-Encoding. A plain
// node:http process serving the same bytes under the same two loads is the peer. Then sums the gzip size of the
// JavaScript the page loads first, and what that page and the 30-term page-weight answer weigh (page-weight.ts).
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { startNextServer, waitForServer } from '../scripts/next-server'
import { assertPortFree, prepareBenchSite } from './bench-site'
import { round } from './ingest'
import { measurePageWeight, type PageWeight } from './page-weight'

export interface LoadResult {
  requestsPerSecond: number
  latencyMs: { p50: number; p90: number; p99: number; max: number }
  errors: number
  non2xx: number
  /** Mean response body size on the wire. */
  bytesPerResponse: number
}

export interface HttpBench {
  path: string
  connections: number
  durationSeconds: number
  /** Next, with a browser's request headers: compressed responses. The figure the targets apply to. */
  browser: LoadResult
  /** Next, without Accept-Encoding (how this page was measured before 2026-12-02). */
  identity: LoadResult
  /**
   * The same page bytes from a plain node:http server in its own process, same two loads: for the browser load it
   * gzips every response as a stream, as Next's compression does. What this machine and autocannon allow at all.
   */
  plainNode: { browser: LoadResult; identity: LoadResult }
  firstLoadJsGzipKb: number
  firstLoadJsFiles: number
  pageBytes: number
  /** HTML, flight payload and first-load JS of the load-test page and of the 30-term page-weight answer. */
  weight: { loadTestPage: PageWeight; thirtyTerms: PageWeight }
}

// What Chromium sends for a page navigation (its User-Agent aside).
export const browserHeaders = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
  'accept-encoding': 'gzip, deflate, br',
  'accept-language': 'en-US,en;q=0.9',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'upgrade-insecure-requests': '1',
  'sec-fetch-dest': 'document',
  'sec-fetch-mode': 'navigate',
  'sec-fetch-site': 'none',
}

/** 50 connections on `url` for `durationSeconds` after a 3 s warm-up at the same load. */
export async function measureLoad(url: string, durationSeconds: number, headers: Record<string, string>): Promise<LoadResult> {
  await autocannon({ url, connections: 50, duration: 3, headers })
  const result = await autocannon({ url, connections: 50, duration: durationSeconds, headers })
  return {
    requestsPerSecond: round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytesPerResponse: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
  }
}

// Serves one file for every request, as a string like Next's cache does, gzipped as a stream (zlib's default level,
// as Next's compression) when the request accepts gzip; nothing else.
const referenceServer = `
const http = require('node:http')
const zlib = require('node:zlib')
const body = require('node:fs').readFileSync(process.argv[1], 'utf8')
http.createServer((req, res) => {
  res.setHeader('content-type', 'text/html; charset=utf-8')
  res.setHeader('vary', 'Accept-Encoding')
  if (!/\\bgzip\\b/.test(req.headers['accept-encoding'] || '')) return res.end(body)
  res.setHeader('content-encoding', 'gzip')
  const gzip = zlib.createGzip()
  gzip.pipe(res)
  gzip.end(body)
}).listen(Number(process.argv[2]), '127.0.0.1')
`

async function measurePlainNode(html: string, dir: string, durationSeconds: number, referencePort: number): Promise<HttpBench['plainNode']> {
  const file = path.join(dir, 'page.html')
  writeFileSync(file, html)
  const child = spawn(process.execPath, ['--max-semi-space-size=64', '-e', referenceServer, file, String(referencePort)], { stdio: 'ignore' })
  try {
    const url = `http://127.0.0.1:${referencePort}/`
    await waitForServer(url)
    return { browser: await measureLoad(url, durationSeconds, browserHeaders), identity: await measureLoad(url, durationSeconds, {}) }
  } finally {
    child.kill('SIGTERM')
  }
}

/** `port` serves Next; `port + 1` the plain node peer. */
export async function benchHttp(durationSeconds = 10, port = 3300): Promise<HttpBench> {
  await assertPortFree(port)
  await assertPortFree(port + 1)
  const dir = mkdtempSync(path.join(tmpdir(), 'ask-kb-bench-http-'))
  const base = `http://127.0.0.1:${port}`
  try {
    const site = await prepareBenchSite(dir, base, { reuseBuild: false })

    const server = startNextServer(port, { host: '127.0.0.1', env: { DATABASE_URL: site.databaseUrl, SITE_URL: base }, quiet: true })
    try {
      const pagePath = site.alvh.path
      await waitForServer(`${base}${pagePath}`)
      const browser = await measureLoad(`${base}${pagePath}`, durationSeconds, browserHeaders)
      const identity = await measureLoad(`${base}${pagePath}`, durationSeconds, {})

      const html = await (await fetch(`${base}${pagePath}`)).text()
      const weight = await measurePageWeight(base, pagePath, site.alvh.terms)
      const reference = await measurePageWeight(base, site.reference.path, site.reference.terms)
      server.kill('SIGTERM')
      const plainNode = await measurePlainNode(html, dir, durationSeconds, port + 1)
      return {
        path: pagePath,
        connections: 50,
        durationSeconds,
        browser,
        identity,
        plainNode,
        firstLoadJsGzipKb: round(weight.firstLoadJsGzipBytes / 1024),
        firstLoadJsFiles: weight.firstLoadJsFiles,
        pageBytes: Buffer.byteLength(html),
        weight: { loadTestPage: weight, thirtyTerms: reference },
      }
    } finally {
      server.kill('SIGTERM')
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
