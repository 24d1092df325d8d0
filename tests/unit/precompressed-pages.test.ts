import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { chooseEncoding, PrecompressedPages } from '@/lib/http/precompressed-pages'

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, as browsers list them', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br')
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(chooseEncoding('gzip')).toBe('gzip')
    expect(chooseEncoding('GZIP;q=0.5')).toBe('gzip')
  })

  it('honours q-values, including q=0 and the wildcard', () => {
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip')
    expect(chooseEncoding('br;q=0.2, gzip;q=0.8')).toBe('gzip')
    expect(chooseEncoding('*')).toBe('br')
    expect(chooseEncoding('*;q=0, gzip')).toBe('gzip')
  })

  it('is null when neither is accepted', () => {
    expect(chooseEncoding(undefined)).toBeNull()
    expect(chooseEncoding('')).toBeNull()
    expect(chooseEncoding('identity')).toBeNull()
    expect(chooseEncoding('deflate')).toBeNull()
    expect(chooseEncoding('gzip;q=0, br;q=0')).toBeNull()
  })
})

describe('PrecompressedPages', () => {
  const page = (n: number) => `<!DOCTYPE html><html><body>${`<p>Page ${n}: contango, backwardation, vega. </p>`.repeat(400)}</body></html>`

  it('keeps brotli and gzip copies that decompress to the page', async () => {
    const pages = new PrecompressedPages(1024 * 1024)
    const html = page(1)
    expect(pages.get(html)).toBeUndefined()
    await pages.prepare(html)
    const variants = pages.get(html)
    expect(brotliDecompressSync(variants?.br ?? Buffer.alloc(0)).toString()).toBe(html)
    expect(gunzipSync(variants?.gzip ?? Buffer.alloc(0)).toString()).toBe(html)
    expect(variants?.br.length).toBeLessThan(html.length / 10)
  })

  it('compresses a page version once however often it is asked, and drops the oldest past its byte budget', async () => {
    const first = new PrecompressedPages(1024 * 1024)
    await Promise.all([first.prepare(page(1)), first.prepare(page(1)), first.prepare(page(1))])
    expect(first.size.pages).toBe(1)

    await first.prepare(page(2))
    const perPage = first.size.bytes / 2
    const bounded = new PrecompressedPages(Math.floor(perPage * 2.5))
    for (const n of [1, 2, 3]) await bounded.prepare(page(n))
    expect(bounded.size.pages).toBe(2)
    expect(bounded.get(page(1))).toBeUndefined()
    expect(bounded.get(page(3))).toBeDefined()
  })
})
