import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

export type Encoding = 'br' | 'gzip'
export interface Variants {
  br: Buffer
  gzip: Buffer
}

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * Compressed copies of cached pages, made once per page version (when the page cache first stores or reads it) on
 * libuv's thread pool, and looked up by the page's HTML itself: Next hands the cached string to `res.end`, and a
 * string's hash is computed once and kept by V8, so a look-up costs no more than a pointer comparison after the
 * first. Bounded by total compressed bytes; the oldest page versions go first.
 */
export class PrecompressedPages {
  private readonly variants = new Map<string, Variants>()
  private readonly pending = new Set<string>()
  private bytes = 0

  constructor(private readonly maxBytes: number) {}

  /** Starts compressing a page version unless it is done or under way; resolves when it is stored. */
  async prepare(html: string): Promise<void> {
    if (this.variants.has(html) || this.pending.has(html)) return
    this.pending.add(html)
    try {
      const [br, gz] = await Promise.all([
        brotli(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(html) } }),
        gzipAsync(html, { level: 9 }),
      ])
      this.store(html, { br, gzip: gz })
    } finally {
      this.pending.delete(html)
    }
  }

  get(html: string): Variants | undefined {
    return this.variants.get(html)
  }

  get size(): { pages: number; bytes: number } {
    return { pages: this.variants.size, bytes: this.bytes }
  }

  private store(html: string, variants: Variants): void {
    const cost = variants.br.length + variants.gzip.length
    if (cost > this.maxBytes) return
    this.variants.set(html, variants)
    this.bytes += cost
    for (const [oldest, old] of this.variants) {
      if (this.bytes <= this.maxBytes) break
      this.variants.delete(oldest)
      this.bytes -= old.br.length + old.gzip.length
    }
  }
}

/** The encoding to send for an Accept-Encoding header: brotli, then gzip, honouring q=0; null for neither. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null
  const accepted = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((param) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(param)?.[1]).find((value) => value !== undefined)
    accepted.set(name.trim(), q === undefined ? 1 : Number(q))
  }
  const quality = (name: Encoding) => accepted.get(name) ?? accepted.get('*') ?? 0
  if (quality('br') > 0 && quality('br') >= quality('gzip')) return 'br'
  if (quality('gzip') > 0) return 'gzip'
  return null
}
