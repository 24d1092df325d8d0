// Next's page cache, compiled to generated/page-cache-handler.mjs when next.config loads and installed once per
// server process by instrumentation.ts (install-page-cache-handler.ts). It is Next's own file-system cache with four changes, none of which adds measurable work to a
// cache hit:
// - every HTML page carries a Content-Security-Policy with the hashes of its own inline scripts, computed when the
//   page is stored or first read;
// - a 404 for a URL that never had a page or route response is not stored (each made-up slug used to add ~57 KB to
//   the disk, forever);
// - a content URL whose slug is not stored is answered with the pre-rendered 404 page instead of a render (~30 ms
//   of CPU each), checked against an index of the stored slugs (KnownPages);
// - a page stored before the last ingest (by any machine: ContentChanges watches the database) is stale.
import type { OutgoingHttpHeaders } from 'node:http'
import { createRequire } from 'node:module'
import { db } from '../db'
import { readIngestState } from '../data/ingest-revision'
import { isDatabaseConnectionError } from '../db-errors'
import { env } from '../env'
import { ContentChanges } from './content-changes'
import { documentPolicy, hashNextInlineScripts } from './content-security-policy'
import { KnownPages } from './known-pages'
import { PrecompressedPages } from './precompressed-pages'
import { installResponseCompression } from './response-compression'

// CommonJS modules of Next's; an ESM default import would yield their whole `exports` object, not the class.
const require = createRequire(import.meta.url)
type FileSystemCacheModule = typeof import('next/dist/server/lib/incremental-cache/file-system-cache.js')
type RouteCacheKeyModule = typeof import('next/dist/server/lib/route-cache-key.js')
const { default: FileSystemCache } = require('next/dist/server/lib/incremental-cache/file-system-cache.js') as FileSystemCacheModule
const { getRouteCacheKey } = require('next/dist/server/lib/route-cache-key.js') as RouteCacheKeyModule

type FileSystemCacheInstance = InstanceType<typeof FileSystemCache>
type GetArgs = Parameters<FileSystemCacheInstance['get']>
type SetArgs = Parameters<FileSystemCacheInstance['set']>
type Entry = Awaited<ReturnType<FileSystemCacheInstance['get']>>

interface StoredPage {
  html: string
  status?: number
  headers?: OutgoingHttpHeaders
}

const policyHeader = 'content-security-policy'
const https = new URL(env.SITE_URL).protocol === 'https:'
// Next's cache-kind and route-kind enums are `const enum`s, which isolated modules cannot read; their values:
const pageLookup = { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false } as unknown as GetArgs[1]
const notFoundOwner = { kind: 'APP_PAGE', sourceRoute: '/_not-found/page' } as unknown as Parameters<RouteCacheKeyModule['getRouteCacheKey']>[1]
// The key of the pre-rendered 404 page, which Next itself serves for URLs that match no route.
const notFoundKey = getRouteCacheKey('/_not-found', notFoundOwner)
// A page's key is opaque, but ends in its pathname after `/$`.
const pathnameOf = (key: string) => key.slice(key.indexOf('/$/') + 2)
const knownPages = new KnownPages(2_000)
// How old a page stored before the last ingest is made to look: past every page's revalidate (5 minutes), so it is
// stale, and short of Next's expire (a year), past which Next would render before answering; a render that fails
// while the database is down, where the stale page would have been served.
const staleAgeMs = 86_400_000
// An ingest from any machine reaches this process's cached pages within a second (plus one render).
const contentChanges = new ContentChanges(1_000, async () => readIngestState(await db()))
// Brotli and gzip copies of the cached pages (~15 KB a page), sent by response-compression.ts.
const precompressedPages = new PrecompressedPages(64 * 1024 * 1024)

/** Sends cached pages pre-compressed from now on in this process (instrumentation.ts, with the cache itself). */
export const installPageCompression = () => installResponseCompression(precompressedPages)

function precompress(page: StoredPage): void {
  precompressedPages.prepare(page.html).catch((error: unknown) => {
    console.error(`Page cache: compressing a page failed (${error instanceof Error ? error.message : String(error)}); it is compressed per request instead`)
  })
}

function asStoredPage(value: unknown): StoredPage | null {
  if (typeof value !== 'object' || value === null) return null
  const page = value as { kind?: unknown; html?: unknown }
  return String(page.kind) === 'APP_PAGE' && typeof page.html === 'string' ? (value as StoredPage) : null
}

/** A route handler's 404 (e.g. the card of an unknown answer under /ask/<slug>/og.png). */
function isRouteNotFound(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const route = value as { kind?: unknown; status?: unknown }
  return String(route.kind) === 'APP_ROUTE' && route.status === 404
}
const routeLookup = { kind: 'APP_ROUTE' } as unknown as GetArgs[1]

const isPageLookup = (context: GetArgs[1]) => String(context.kind) === 'APP_PAGE' && !('isFallback' in context && context.isFallback)

/** Adds the page's policy to its stored headers (once: the same object is served from memory afterwards). */
function addPolicy(page: StoredPage): void {
  if (page.headers?.[policyHeader]) return
  const hashes = hashNextInlineScripts(page.html)
  if (hashes.refused > 0) console.warn(`Page cache: ${hashes.refused} inline script(s) or style(s) not written by Next left out of a page's Content-Security-Policy; they will not run`)
  page.headers = { ...page.headers, [policyHeader]: documentPolicy(hashes, { https }) }
}

export default class PageCacheHandler extends FileSystemCache {
  async get(...args: GetArgs): Promise<Entry> {
    const [key, context] = args
    const stored = await super.get(...args)
    // Stored before the last ingest: stale, so Next serves it once more and renders it again in the background.
    const entry = stored && stored.lastModified !== undefined && stored.lastModified < contentChanges.staleBefore() ? { ...stored, lastModified: Math.min(stored.lastModified, Date.now() - staleAgeMs) } : stored
    // Pages pre-rendered by `next build` are written to disk directly and reach the cache only here.
    const page = asStoredPage(entry?.value)
    if (page) {
      addPolicy(page)
      if (page.status === undefined || page.status === 200) precompress(page)
    }
    if (entry || !isPageLookup(context) || key === notFoundKey || !(await this.isMissingContentPage(pathnameOf(key)))) return entry
    const notFound = await this.get(notFoundKey, context)
    // Fresh as of now, so Next does not re-render the unknown URL in the background to "revalidate" it.
    return notFound ? { ...notFound, lastModified: Date.now() } : null
  }

  async set(...args: SetArgs): Promise<void> {
    const [key, data] = args
    const page = asStoredPage(data)
    if (page) {
      addPolicy(page)
      // A 404 replaces a page that existed (an unpublished answer must disappear); otherwise there is nothing to keep.
      if (page.status === 404 && (await super.get(key, pageLookup)) === null) return
    } else if (isRouteNotFound(data) && (await super.get(key, routeLookup)) === null) {
      // Same for route handlers: a made-up slug's 404 is not kept, a 404 that replaces a stored response is.
      return
    }
    await super.set(...args)
  }

  private async isMissingContentPage(pathname: string): Promise<boolean> {
    try {
      return await knownPages.isMissingContentPage(pathname)
    } catch (error) {
      // Without the index the page renders as usual and finds out itself. An outage is logged once, elsewhere.
      if (!isDatabaseConnectionError(error)) console.error(`Page index unavailable (${error instanceof Error ? error.message : String(error)}); rendering ${pathname}`)
      return false
    }
  }
}
