import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ensureNginx } from '@/scripts/scale/nginx-binary'
import { renderNginxConfig } from '@/scripts/scale/nginx-config'
import { startNginx, type NginxProcess } from '@/scripts/scale/nginx-process'
import { freePort } from './free-port'

export interface NginxInFront {
  origin: string
  nginx: NginxProcess
  close: () => Promise<void>
}

/** deploy/nginx.conf rendered for `upstreamPorts` on 127.0.0.1 and run in a temporary folder (in `parentDir`). */
export async function nginxInFrontOf(upstreamPorts: number[], options: { microCache: boolean; parentDir?: string }): Promise<NginxInFront> {
  const prefix = mkdtempSync(path.join(options.parentDir ?? tmpdir(), 'ask-kb-nginx-'))
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const config = renderNginxConfig({
    listen: { host: '127.0.0.1', port },
    upstreams: upstreamPorts.map((upstream) => ({ host: '127.0.0.1', port: upstream })),
    cacheDir: path.join(prefix, 'cache'),
    microCache: options.microCache,
    runsAsRoot: process.getuid?.() === 0,
  })
  const nginx = await startNginx({ binary: ensureNginx(), prefix, config, origin })
  return {
    origin,
    nginx,
    close: async () => {
      await nginx.stop()
      rmSync(prefix, { recursive: true, force: true })
    },
  }
}
