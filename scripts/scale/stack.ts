// Several `next start` instances of the existing .next build, sharing one database, behind nginx
// (deploy/nginx.conf). Used by `npm run scale:demo`, tests/scale and `npm run bench scale`.
import type { ChildProcess } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { startNextServer } from '../next-server'
import { assertPortFree, stopProcess, waitForExit, waitUntilAnswering, watchSpawnError } from './child-processes'
import { ensureNginx } from './nginx-binary'
import { renderNginxConfig } from './nginx-config'
import { startNginx, type NginxProcess } from './nginx-process'
import { stackLayout } from './stack-layout'

export { ensureNginx } from './nginx-binary'

export interface ScaleStackOptions {
  databaseUrl: string // the shared database, already migrated and ingested
  instancePorts: number[] // one `next start` per port, on 127.0.0.1, from the existing .next build
  nginxPort: number
  microCache: boolean // false: nginx proxies only (no proxy_cache)
  workDir: string // temp dir for nginx prefix, cache, logs
  env?: Record<string, string> // extra env for the instances (SITE_URL etc.)
}

export interface ScaleStack {
  url: string // http://127.0.0.1:<nginxPort>
  instanceUrls: string[]
  killInstance(index: number, signal?: NodeJS.Signals): Promise<void> // resolves when the process exited
  stop(): Promise<void> // stops nginx and every instance, removes nothing outside workDir
}

const port = z.number().int().min(1024, 'must be 1024 or above (no privileged ports)').max(65535)
const stackOptions = z
  .object({
    databaseUrl: z.string().regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with "file:" or "postgresql://"'),
    instancePorts: z.array(port).min(1, 'needs at least one instance port'),
    nginxPort: port,
    microCache: z.boolean(),
    workDir: z.string().refine((dir) => path.isAbsolute(dir), 'must be an absolute path'),
    env: z.record(z.string(), z.string()).optional(),
  })
  .refine((options) => new Set([...options.instancePorts, options.nginxPort]).size === options.instancePorts.length + 1, {
    message: 'every instance and nginx need a port of their own',
    path: ['instancePorts'],
  })

const host = '127.0.0.1'
const urlOf = (port: number) => `http://${host}:${port}`

interface Instance {
  process: ChildProcess
  url: string
  log: string
}

function startInstance(port: number, options: z.infer<typeof stackOptions>): Instance {
  const log = stackLayout(options.workDir).instanceLog(port)
  const fd = openSync(log, 'a')
  try {
    const env = {
      ...options.env,
      // These win over options.env: the stack's whole point is one database and one trusted proxy (nginx).
      DATABASE_URL: options.databaseUrl,
      TRUST_PROXY: '1',
      HOSTNAME: host,
      PORT: String(port),
      // A test runner's NODE_ENV=test would give React's development build, which `next start` keeps.
      NODE_ENV: 'production',
    }
    return { process: watchSpawnError(startNextServer(port, { host, env, logFd: fd })), url: urlOf(port), log }
  } finally {
    closeSync(fd) // the child holds its own copy
  }
}

/** Starts every instance and nginx; resolves once all of them answer. On failure, stops what it started and throws. */
export async function startScaleStack(options: ScaleStackOptions): Promise<ScaleStack> {
  const parsed = stackOptions.safeParse(options)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`scale stack: ${issue?.path.join('.') || 'options'}: ${issue?.message ?? 'invalid'}`)
  }
  const config = parsed.data
  if (!existsSync('.next/BUILD_ID')) throw new Error('scale stack: no production build in .next (run `npx next build` in the project folder first)')
  const binary = ensureNginx()
  for (const taken of [...config.instancePorts, config.nginxPort]) await assertPortFree(taken)
  mkdirSync(config.workDir, { recursive: true })

  const instances: Instance[] = []
  let nginx: NginxProcess | undefined
  const stop = async () => {
    await nginx?.stop()
    await Promise.all(instances.map((instance) => stopProcess(instance.process, 'SIGTERM')))
  }
  try {
    for (const instancePort of config.instancePorts) instances.push(startInstance(instancePort, config))
    await Promise.all(instances.map((instance, index) => waitUntilAnswering(instance.url, instance.process, { name: `instance ${index}`, log: instance.log })))
    const layout = stackLayout(config.workDir)
    const rendered = renderNginxConfig({
      listen: { host, port: config.nginxPort },
      upstreams: config.instancePorts.map((instancePort) => ({ host, port: instancePort })),
      cacheDir: layout.cacheDir,
      microCache: config.microCache,
      runsAsRoot: process.getuid?.() === 0,
    })
    nginx = await startNginx({ binary, prefix: layout.nginxPrefix, config: rendered, origin: urlOf(config.nginxPort), ownDir: config.workDir })
  } catch (error) {
    await stop()
    throw error
  }

  return {
    url: urlOf(config.nginxPort),
    instanceUrls: instances.map((instance) => instance.url),
    // SIGKILL unless told otherwise: what this is for is an instance dying without a chance to clean up.
    async killInstance(index, signal = 'SIGKILL') {
      const instance = instances[index]
      if (!instance) throw new Error(`scale stack: there is no instance ${index} (${instances.length} running)`)
      const exited = waitForExit(instance.process)
      instance.process.kill(signal)
      await exited
    },
    stop,
  }
}
