// Serves a production build of the real content with `next start` on 127.0.0.1 and loads one answer page with
// autocannon (50 connections, bounded to 10 s), then sums the gzip size of the JavaScript the page loads first.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import autocannon from 'autocannon'
import { ingestContent } from '@/lib/content/ingest'
import { env } from '@/lib/env'
import { openMigratedDb } from '@/lib/migrate/migrations'
import { buildNext, startNextServer, waitForServer } from '../scripts/next-server'
import { round } from './ingest'

export interface HttpBench {
  path: string
  connections: number
  durationSeconds: number
  requestsPerSecond: number
  latencyMs: { p50: number; p90: number; p99: number; max: number }
  errors: number
  non2xx: number
  firstLoadJsGzipKb: number
  firstLoadJsFiles: number
  pageBytes: number
  /**
   * The same page bytes from a plain node:http server in its own process, same load: what this machine and
   * autocannon allow at all, so the Next.js figures can be read against it.
   */
  plainNodeReference: { requestsPerSecond: number; latencyMs: { p50: number; p99: number } }
}

const referencePort = 3301
// Serves one file for every request, as a string like Next's cache does; nothing else.
const referenceServer = `
const http = require('node:http')
const body = require('node:fs').readFileSync(process.argv[1], 'utf8')
http.createServer((req, res) => {
  res.setHeader('content-type', 'text/html; charset=utf-8')
  res.end(body)
}).listen(Number(process.argv[2]), '127.0.0.1')
`

async function measurePlainNode(html: string, dir: string, durationSeconds: number): Promise<HttpBench['plainNodeReference']> {
  const file = path.join(dir, 'page.html')
  writeFileSync(file, html)
  const child = spawn(process.execPath, ['--max-semi-space-size=64', '-e', referenceServer, file, String(referencePort)], { stdio: 'ignore' })
  try {
    const url = `http://127.0.0.1:${referencePort}/`
    await waitForServer(url)
    await autocannon({ url, connections: 50, duration: 2 })
    const result = await autocannon({ url, connections: 50, duration: durationSeconds })
    return { requestsPerSecond: round(result.requests.average), latencyMs: { p50: result.latency.p50, p99: result.latency.p99 } }
  } finally {
    child.kill('SIGTERM')
  }
}

const port = 3300
const preferred = 'how-does-the-alvh-hedge-actually-respond-when-vix-term-structure-flattens-below-35-or-goes-into-backwardation'

export async function benchHttp(durationSeconds = 10): Promise<HttpBench> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ask-kb-bench-http-'))
  const url = `file:${path.join(dir, 'bench.db')}`
  const base = `http://127.0.0.1:${port}`
  try {
    const { db } = await openMigratedDb(url)
    const report = await ingestContent({ contentDir: env.CONTENT_DIR, db, write: true })
    if (report.problems.length > 0) throw new Error('content has problems; run npm run content:check')
    const slugs = (await db.answer.findMany({ select: { slug: true } })).map((a) => a.slug)
    await db.$disconnect()
    const slug = slugs.includes(preferred) ? preferred : slugs[0]
    if (!slug) throw new Error(`no answers in ${env.CONTENT_DIR}`)

    const build = buildNext({ env: { DATABASE_URL: url, SITE_URL: base }, quiet: true })
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`)
    rmSync('.next/ask-kb-build.json', { force: true })

    const server = startNextServer(port, { host: '127.0.0.1', env: { DATABASE_URL: url, SITE_URL: base }, quiet: true })
    try {
      const pagePath = `/ask/${slug}`
      await waitForServer(`${base}${pagePath}`)
      await autocannon({ url: `${base}${pagePath}`, connections: 50, duration: 3 })
      const result = await autocannon({ url: `${base}${pagePath}`, connections: 50, duration: durationSeconds })

      const html = await (await fetch(`${base}${pagePath}`)).text()
      // `noModule` polyfills are skipped by every browser that supports ES modules, so they are not first-load JS.
      const scripts = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)]
        .filter((m) => !/nomodule/i.test(`${m[1]}${m[3]}`))
        .map((m) => m[2] ?? '')
      let gzipBytes = 0
      for (const src of new Set(scripts)) {
        const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())
        gzipBytes += gzipSync(body).length
      }
      server.kill('SIGTERM')
      const plainNodeReference = await measurePlainNode(html, dir, durationSeconds)
      return {
        path: pagePath,
        connections: 50,
        durationSeconds,
        requestsPerSecond: round(result.requests.average),
        latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        firstLoadJsGzipKb: round(gzipBytes / 1024),
        firstLoadJsFiles: new Set(scripts).size,
        pageBytes: Buffer.byteLength(html),
        plainNodeReference,
      }
    } finally {
      server.kill('SIGTERM')
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
