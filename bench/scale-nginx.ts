// Cases (c) and (d) of `npm run bench scale`: two `next start` instances on the PostgreSQL build behind nginx
// (scripts/scale/stack.ts), first without nginx's cache, then with its micro-cache, each under the same load.
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

export interface NginxCases {
  withoutCache: { browser: LoadResult; probe: ResponseProbe }
  microCache: { browser: LoadResult; probe: ResponseProbe }
}

export async function probeResponse(url: string): Promise<ResponseProbe> {
  const response = await fetch(url, { headers: browserHeaders })
  await response.arrayBuffer()
  return { encoding: response.headers.get('content-encoding') ?? 'none', cacheStatus: response.headers.get('x-cache-status') ?? '-' }
}

type StackSettings = Omit<ScaleStackOptions, 'microCache'> & {
  path: string
  durationSeconds: number
  /** Called as each load starts, with the row's label ("c" or "d"). */
  beginPhase: (label: string) => void
}

async function measureOne(settings: StackSettings, microCache: boolean) {
  const { path, durationSeconds, beginPhase, ...stackOptions } = settings
  let stack: ScaleStack | undefined
  try {
    stack = await startScaleStack({ ...stackOptions, workDir: `${stackOptions.workDir}-${microCache ? 'cache' : 'plain'}`, microCache })
    const url = `${stack.url}${path}`
    await waitForServer(url)
    beginPhase(microCache ? 'd' : 'c')
    const browser = await measureLoad(url, durationSeconds, browserHeaders)
    beginPhase('')
    return { browser, probe: await probeResponse(url) }
  } finally {
    await stack?.stop()
  }
}

export async function measureThroughNginx(settings: StackSettings): Promise<NginxCases> {
  return { withoutCache: await measureOne(settings, false), microCache: await measureOne(settings, true) }
}
