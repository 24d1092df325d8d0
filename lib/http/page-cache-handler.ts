// Next's page cache (next.config `cacheHandler`), loaded by `next start` through page-cache-handler.mjs. It is
// Next's own file-system cache with two changes, both made when an entry is stored or first read, never per request:
// every HTML page carries a Content-Security-Policy with the hashes of its own inline scripts, and a 404 for a URL
// that never had a page is not stored at all (otherwise every made-up slug would add ~57 KB to the disk, forever).
import type { OutgoingHttpHeaders } from 'node:http'
import { createRequire } from 'node:module'
import { env } from '../env'
import { documentPolicy, hashInlineElements } from './content-security-policy'

// A CommonJS module of Next's; an ESM default import would yield its whole `exports` object, not the class.
type FileSystemCacheModule = typeof import('next/dist/server/lib/incremental-cache/file-system-cache.js')
const { default: FileSystemCache } = createRequire(import.meta.url)('next/dist/server/lib/incremental-cache/file-system-cache.js') as FileSystemCacheModule

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
// The look-up Next itself makes for a page (its kind is a const enum, see below).
const pageLookup = { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false } as unknown as GetArgs[1]
const https = new URL(env.SITE_URL).protocol === 'https:'

// Next's cache-kind enums are `const enum`s, which isolated modules cannot read; compare their string values.
function asStoredPage(value: unknown): StoredPage | null {
  if (typeof value !== 'object' || value === null) return null
  const page = value as { kind?: unknown; html?: unknown }
  return String(page.kind) === 'APP_PAGE' && typeof page.html === 'string' ? (value as StoredPage) : null
}

/** Adds the page's policy to its stored headers (once: the same object is served from memory afterwards). */
function addPolicy(page: StoredPage): void {
  if (page.headers?.[policyHeader]) return
  page.headers = { ...page.headers, [policyHeader]: documentPolicy(hashInlineElements(page.html), { https }) }
}

export default class PageCacheHandler extends FileSystemCache {
  async get(...args: GetArgs): Promise<Entry> {
    const entry = await super.get(...args)
    // Pages pre-rendered by `next build` are written to disk directly and reach the cache only here.
    const page = asStoredPage(entry?.value)
    if (page) addPolicy(page)
    return entry
  }

  async set(...args: SetArgs): Promise<void> {
    const [key, data] = args
    const page = asStoredPage(data)
    if (page) {
      addPolicy(page)
      // A 404 replaces a page that existed (an unpublished answer must disappear); otherwise there is nothing to keep.
      if (page.status === 404 && !(await this.hasEntry(key))) return
    }
    await super.set(...args)
  }

  private async hasEntry(key: string): Promise<boolean> {
    return (await super.get(key, pageLookup)) !== null
  }
}
