import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { hashInlineElements } from '@/lib/http/content-security-policy'
import { compilePageCacheHandler } from '@/lib/http/compile-page-cache-handler'
import PageCacheHandler from '@/lib/http/page-cache-handler'

type SetArgs = Parameters<PageCacheHandler['set']>
type GetArgs = Parameters<PageCacheHandler['get']>

const { nodeFs } = createRequire(import.meta.url)('next/dist/server/lib/node-fs-methods.js') as typeof import('next/dist/server/lib/node-fs-methods.js')
const serverDistDir = mkdtempSync(path.join(tmpdir(), 'ask-kb-page-cache-'))
afterAll(() => rmSync(serverDistDir, { recursive: true, force: true }))

const handler = new PageCacheHandler({ fs: nodeFs, serverDistDir, flushToDisk: true, revalidatedTags: [], _requestHeaders: {}, maxMemoryCacheSize: 1024 * 1024 })
// Next's cache kinds are const enums; these are the shapes it passes for an App Router page.
const pageLookup = { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false } as unknown as GetArgs[1]
const storeContext = { cacheControl: { revalidate: 300, expire: 31_536_000 }, isRoutePPREnabled: false, isFallback: false } as SetArgs[2]
// A route of no content (no page index look-up): what is tested here holds for every route.
const key = (slug: string) => `/route-cache/APP_PAGE/${'0'.repeat(64)}/$/test-pages/${slug}`
const html = (text: string) => `<!DOCTYPE html><html><body><p>${text}</p><script>self.__next_f.push([1,"${text}"])</script></body></html>`
const page = (text: string, status: number) =>
  ({ kind: 'APP_PAGE', html: html(text), rscData: Buffer.from(`rsc ${text}`), headers: { 'x-nextjs-stale-time': '300' }, postponed: undefined, status, segmentData: undefined }) as unknown as SetArgs[1]
const filesOnDisk = () => readdirSync(serverDistDir, { recursive: true }).length

async function storedPage(slug: string): Promise<{ status?: number; headers?: Record<string, unknown> } | null> {
  const entry = await handler.get(key(slug), pageLookup)
  return (entry?.value as { status?: number; headers?: Record<string, unknown> } | null | undefined) ?? null
}

describe('PageCacheHandler', () => {
  it('stores nothing, on disk or in memory, for a 404 of a URL that never had a page', async () => {
    for (let i = 0; i < 50; i++) await handler.set(key(`made-up-${i}`), page('Page not found', 404), storeContext)
    expect(filesOnDisk()).toBe(0)
    // So the next request renders again: an answer ingested in the meantime appears at once.
    expect(await storedPage('made-up-0')).toBeNull()
  })

  it('stores a page with a Content-Security-Policy that allows exactly its own inline scripts', async () => {
    await handler.set(key('real-answer'), page('An answer', 200), storeContext)
    expect(filesOnDisk()).toBeGreaterThan(0)
    const policy = String((await storedPage('real-answer'))?.headers?.['content-security-policy'])
    const [scriptHash] = hashInlineElements(html('An answer')).scripts
    expect(policy).toContain(`script-src 'self' ${scriptHash};`)
  })

  it('leaves a script injected into a page out of its policy, so it does not run', async () => {
    const injected = "alert('stored XSS')"
    const tampered = page('An answer', 200) as unknown as { html: string }
    tampered.html = tampered.html.replace('</body>', `<script>${injected}</script></body>`)
    await handler.set(key('tampered-answer'), tampered as unknown as SetArgs[1], storeContext)
    const policy = String((await storedPage('tampered-answer'))?.headers?.['content-security-policy'])
    const [nextHash] = hashInlineElements(html('An answer')).scripts
    const [injectedHash] = hashInlineElements(`<script>${injected}</script>`).scripts
    expect(policy).toContain(`script-src 'self' ${nextHash};`)
    expect(policy).not.toContain(String(injectedHash))
  })

  it('replaces a page that existed with its 404, so an unpublished answer disappears', async () => {
    await handler.set(key('real-answer'), page('Page not found', 404), storeContext)
    expect(await storedPage('real-answer')).toMatchObject({ status: 404 })
  })

  it('treats a route handler response the same: no 404 kept for a made-up slug, one kept when it replaces a card', async () => {
    const routeLookup = { kind: 'APP_ROUTE' } as unknown as GetArgs[1]
    const routeKey = (slug: string) => `/test-ask/${slug}/og.png`
    const route = (status: number) => ({ kind: 'APP_ROUTE', status, body: Buffer.from(status === 200 ? 'png bytes' : 'Not found'), headers: {} }) as unknown as SetArgs[1]
    const before = filesOnDisk()
    for (let i = 0; i < 20; i++) await handler.set(routeKey(`made-up-${i}`), route(404), storeContext)
    expect(filesOnDisk()).toBe(before)
    expect(await handler.get(routeKey('made-up-0'), routeLookup)).toBeNull()
    await handler.set(routeKey('real'), route(200), storeContext)
    await handler.set(routeKey('real'), route(404), storeContext)
    expect((await handler.get(routeKey('real'), routeLookup))?.value).toMatchObject({ kind: 'APP_ROUTE', status: 404 })
  })

  it('compiles to a module that plain Node (as `next start` does) imports as the handler class', () => {
    const file = compilePageCacheHandler(process.cwd())
    const script = `import(${JSON.stringify(`file://${file}`)}).then((m) => console.log(typeof m.default, m.default.name))`
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim()).toBe('function PageCacheHandler')
  })
})
