import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { stopProcess, waitUntilAnswering, watchSpawnError } from './child-processes'

export interface NginxProcess {
  process: ChildProcess
  /** The folder nginx runs in: nginx.conf, logs/ (error.log, access.log, nginx.pid), temp/. */
  prefix: string
  errorLog: string
  accessLog: string
  stop(): Promise<void>
}

/**
 * Started as root, the workers run as nobody (the config's `user`) and must reach the cache and temp folders
 * nginx creates for them. Folders from the prefix up to `ownDir` (ours: a mkdtemp folder is 0700) get search
 * permission for others, nothing more (no listing, no writing); a folder above it that others cannot pass is
 * not ours to change, so that is an error.
 */
function letWorkersReach(prefix: string, ownDir: string): void {
  const top = path.resolve(ownDir)
  for (let dir = path.resolve(prefix); ; dir = path.dirname(dir)) {
    const mode = statSync(dir).mode
    const ours = dir === top || dir.startsWith(`${top}${path.sep}`)
    if ((mode & 0o001) === 0) {
      if (!ours) throw new Error(`nginx: its workers (user nobody) cannot pass through ${dir}: put the stack's folder where others may pass, e.g. under /tmp`)
      chmodSync(dir, (mode & 0o7777) | 0o001)
    }
    if (dir === path.dirname(dir)) return
  }
}

// Any answer from nginx means it is up. This path is no page (a 404 that is never cached), so the check puts
// nothing in the micro-cache and costs an instance almost nothing.
const readinessPath = '/.well-known/ask-kb-nginx-ready'

/**
 * Runs nginx in the foreground with everything inside `prefix` (`-p`), so it needs no system folder and a second
 * stack on the same machine shares nothing with the first. Resolves once nginx answers on `origin`.
 */
export async function startNginx(options: {
  binary: string
  prefix: string
  config: string
  origin: string
  /** The outermost folder nginx's own files live in (the prefix or a folder above it), which it may make passable. */
  ownDir?: string
}): Promise<NginxProcess> {
  const { binary, prefix, config, origin, ownDir = prefix } = options
  mkdirSync(path.join(prefix, 'logs'), { recursive: true })
  mkdirSync(path.join(prefix, 'temp'), { recursive: true })
  if (process.getuid?.() === 0) letWorkersReach(prefix, ownDir)
  const configFile = path.join(prefix, 'nginx.conf')
  writeFileSync(configFile, config)
  const errorLog = path.join(prefix, 'logs', 'error.log')
  // `-e`: errors found before the configuration is read go here too, not to the compiled-in path.
  const child = watchSpawnError(spawn(binary, ['-p', `${prefix}/`, '-c', configFile, '-e', errorLog, '-g', 'daemon off;'], { stdio: 'ignore' }))
  const started: NginxProcess = {
    process: child,
    prefix,
    errorLog,
    accessLog: path.join(prefix, 'logs', 'access.log'),
    stop: () => stopProcess(child, 'SIGTERM'),
  }
  try {
    await waitUntilAnswering(`${origin}${readinessPath}`, child, { name: 'nginx', log: errorLog, isReady: () => true })
    // It answers even when it cannot use its cache or temp folders (500s): its error log says so.
    const trouble = readFileSync(errorLog, 'utf8').split('\n').find((line) => /\[(emerg|alert|crit)\]/.test(line))
    if (trouble) throw new Error(`nginx: ${trouble.replace(/^.*?\[(emerg|alert|crit)\] \d+#\d+: (\*\d+ )?/, '')}`)
  } catch (error) {
    await started.stop()
    throw error
  }
  return started
}
