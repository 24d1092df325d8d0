import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
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
 * Runs nginx in the foreground with everything inside `prefix` (`-p`), so it needs no system folder and a second
 * stack on the same machine shares nothing with the first. Resolves once `readyUrl` answers through it.
 */
export async function startNginx(options: { binary: string; prefix: string; config: string; readyUrl: string }): Promise<NginxProcess> {
  const { binary, prefix, config, readyUrl } = options
  mkdirSync(path.join(prefix, 'logs'), { recursive: true })
  mkdirSync(path.join(prefix, 'temp'), { recursive: true })
  // Started as root, the workers run as nobody (the config's `user`): they must be able to reach the cache and
  // temp folders nginx creates for them in here.
  if (process.getuid?.() === 0) chmodSync(prefix, 0o755)
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
    await waitUntilAnswering(readyUrl, child, { name: 'nginx', log: errorLog })
  } catch (error) {
    await started.stop()
    throw error
  }
  return started
}
