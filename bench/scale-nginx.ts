// Cases (c) and (d) of `npm run bench scale`: two `next start` instances on the PostgreSQL build behind nginx
// (scripts/scale/stack.ts), first without nginx's cache, then with its micro-cache, each under the same load, and
// the micro-cache once more, filled only after both instances hold the page pre-compressed. An instance answers a
// page's first request before its compressed copies are ready (gzip on the fly, chunked), and nginx keeps that
// response for the page's s-maxage: the first row is what readers get after a start, the second what they get
// once the cache has been refreshed.
import { startScaleStack, type ScaleStack, type ScaleStackOptions } from '../scripts/scale/stack'
import { waitForServer } from '../scripts/next-server'
import { browserHeaders, measureLoad, type LoadResult } from './http'

/** What one request with a browser's headers got, right after a load: how the measured responses were served. */
export interface ResponseProbe {
  /** Content-Encoding: br or gzip (pre-compressed or on the fly), or "none". */
  encoding: string
  /** nginx's X-Cache-Status (HIT when its micro-cache answered); "-" when nginx is not in front or not caching. */
  cacheStatus: string
}

export interface NginxCase {
  browser: LoadResult
  probe: ResponseProbe
}

export interface NginxCases {
  withoutCache: NginxCase
  /** Filled by the first request through nginx, as after any start. */
  microCache: NginxCase
  /** Filled after each instance had served the page directly, so its pre-compressed copies were ready. */
  microCacheFilledPrecompressed: NginxCase
}

export async function probeResponse(url: string): Promise<ResponseProbe> {
  const response = await fetch(url, { headers: browserHeaders })
  await response.arrayBuffer()
  return { encoding: response.headers.get('content-encoding') ?? 'none', cacheStatus: response.headers.get('x-cache-status') ?? '-' }
}

type StackSettings = Omit<ScaleStackOptions, 'microCache'> & {
  path: string
  durationSeconds: number
  /** Called as each load starts, with the row's label ("c", "d", "d filled pre-compressed"), and with "" after it. */
  beginPhase: (label: string) => void
}

type Variant = 'c' | 'd' | 'd filled pre-compressed'

/** Asks each instance for the page until it answers from its pre-compressed copies (a Content-Length, no chunks). */
async function waitForPrecompressed(instanceUrls: string[], path: string): Promise<void> {
  for (const base of instanceUrls) {
    const deadline = Date.now() + 30_000
    for (;;) {
      const response = await fetch(`${base}${path}`, { headers: browserHeaders })
      await response.arrayBuffer()
      if (response.headers.get('content-encoding') === 'br' && response.headers.has('content-length')) break
      if (Date.now() > deadline) throw new Error(`${base}${path} did not answer from pre-compressed copies within 30 s`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

async function measureOne(settings: StackSettings, variant: Variant): Promise<NginxCase> {
  const { path, durationSeconds, beginPhase, ...stackOptions } = settings
  const microCache = variant !== 'c'
  let stack: ScaleStack | undefined
  try {
    stack = await startScaleStack({ ...stackOptions, workDir: `${stackOptions.workDir}-${variant.replace(/ /g, '-')}`, microCache })
    if (variant === 'd filled pre-compressed') await waitForPrecompressed(stack.instanceUrls, path)
    const url = `${stack.url}${path}`
    await waitForServer(url)
    beginPhase(variant)
    const browser = await measureLoad(url, durationSeconds, browserHeaders)
    beginPhase('')
    return { browser, probe: await probeResponse(url) }
  } finally {
    await stack?.stop()
  }
}

export async function measureThroughNginx(settings: StackSettings): Promise<NginxCases> {
  return {
    withoutCache: await measureOne(settings, 'c'),
    microCache: await measureOne(settings, 'd'),
    microCacheFilledPrecompressed: await measureOne(settings, 'd filled pre-compressed'),
  }
}
