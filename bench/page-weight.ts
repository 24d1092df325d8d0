// What one page weighs when a browser loads it from a running server: the HTML, the React Server Components
// (flight) payload inside it and on its own, and the JavaScript it loads first.
import { mkdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { startNextServer, waitForServer } from '../scripts/next-server'
import { assertPortFree, benchSiteDir, prepareBenchSite } from './bench-site'

export interface PageWeight {
  path: string
  linkedTerms: number
  /** The HTML document, uncompressed (the figure the 90 KB target applies to). */
  htmlBytes: number
  htmlGzipBytes: number
  /** Bytes of the inline `self.__next_f.push(...)` scripts in that HTML: the flight payload a first load carries. */
  inlineFlightBytes: number
  /** The page's RSC response (`RSC: 1`), what a client-side navigation to it downloads, uncompressed. */
  rscBytes: number
  firstLoadJsGzipBytes: number
  firstLoadJsFiles: number
}

/** The `src` of every script a module-capable browser runs; `noModule` polyfills are skipped by all of them. */
export function firstLoadScripts(html: string): string[] {
  const scripts = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)]
    .filter((m) => !/nomodule/i.test(`${m[1]}${m[3]}`))
    .map((m) => m[2] ?? '')
  return [...new Set(scripts)]
}

export function inlineFlightBytes(html: string): number {
  let bytes = 0
  for (const m of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    if (m[1]?.startsWith('self.__next_f')) bytes += Buffer.byteLength(m[0])
  }
  return bytes
}

export async function measurePageWeight(base: string, pagePath: string, linkedTerms: number): Promise<PageWeight> {
  const html = await (await fetch(`${base}${pagePath}`)).text()
  const rsc = Buffer.from(await (await fetch(`${base}${pagePath}`, { headers: { rsc: '1' } })).arrayBuffer())
  const scripts = firstLoadScripts(html)
  let jsGzip = 0
  for (const src of scripts) jsGzip += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length
  return {
    path: pagePath,
    linkedTerms,
    htmlBytes: Buffer.byteLength(html),
    htmlGzipBytes: gzipSync(html).length,
    inlineFlightBytes: inlineFlightBytes(html),
    rscBytes: rsc.length,
    firstLoadJsGzipBytes: jsGzip,
    firstLoadJsFiles: scripts.length,
  }
}

export interface PageWeightBench {
  loadTestPage: PageWeight
  thirtyTerms: PageWeight
  built: boolean
}

/** `npm run bench weight`: the figures alone, from a kept build when nothing changed (bench-site.ts). */
export async function benchPageWeight(port: number): Promise<PageWeightBench> {
  const base = `http://127.0.0.1:${port}`
  await assertPortFree(port)
  mkdirSync(benchSiteDir, { recursive: true })
  const site = await prepareBenchSite(benchSiteDir, base, { reuseBuild: true })
  const server = startNextServer(port, { host: '127.0.0.1', env: { DATABASE_URL: site.databaseUrl, SITE_URL: base }, quiet: true })
  try {
    await waitForServer(`${base}${site.alvh.path}`)
    return {
      loadTestPage: await measurePageWeight(base, site.alvh.path, site.alvh.terms),
      thirtyTerms: await measurePageWeight(base, site.reference.path, site.reference.terms),
      built: site.built,
    }
  } finally {
    server.kill('SIGTERM')
  }
}
