// Cases (c) and (d) of `npm run bench scale`: two `next start` instances on the PostgreSQL build behind nginx
// (scripts/scale/stack.ts), first without nginx's cache, then with its micro-cache, each under the same load.
import { startScaleStack, type ScaleStack, type ScaleStackOptions } from '../scripts/scale/stack'
import { waitForServer } from '../scripts/next-server'
import { browserHeaders, measureLoad, type LoadResult } from './http'

export interface NginxCase {
  browser: LoadResult
  /** nginx's X-Cache-Status on one request right after the load: HIT when the micro-cache answered it. */
  cacheStatus: string
}

export interface NginxCases {
  withoutCache: NginxCase
  microCache: NginxCase
}

type StackSettings = Omit<ScaleStackOptions, 'microCache'> & { path: string; durationSeconds: number }

async function measureOne(settings: StackSettings, microCache: boolean): Promise<NginxCase> {
  const { path, durationSeconds, ...stackOptions } = settings
  let stack: ScaleStack | undefined
  try {
    stack = await startScaleStack({ ...stackOptions, workDir: `${stackOptions.workDir}-${microCache ? 'cache' : 'plain'}`, microCache })
    const url = `${stack.url}${path}`
    await waitForServer(url)
    const browser = await measureLoad(url, durationSeconds, browserHeaders)
    // What nginx said about the last request: MISS/HIT/... with the micro-cache, none without.
    const last = await fetch(url, { headers: browserHeaders })
    await last.arrayBuffer()
    return { browser, cacheStatus: last.headers.get('x-cache-status') ?? '-' }
  } finally {
    await stack?.stop()
  }
}

export async function measureThroughNginx(settings: StackSettings): Promise<NginxCases> {
  return { withoutCache: await measureOne(settings, false), microCache: await measureOne(settings, true) }
}
