// The peer for `npm run bench scale`: the minimal create-next-app-style app in bench/next-peer (one ~24 KB blog
// post, default config, so Next compresses every response), generated into a temp dir, built with this project's
// own `next` package and served by a plain `next start`, as its author would run it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { cpSync } from 'node:fs'
import path from 'node:path'

const sourceDir = path.join('bench', 'next-peer')

export interface PeerApp {
  dir: string
  buildSeconds: number
}

/**
 * Copies the peer's sources into `dir` and builds it there. Turbopack takes the nearest lockfile's folder as its
 * root and compiles a `proxy.ts` it finds there, so inside this project the peer would pick up Ask-KB's proxy; in a
 * temp dir with node_modules beside it (hard links to ours, the same package files), it is a project of its own.
 */
export function buildPeerApp(dir: string): PeerApp {
  cpSync(sourceDir, dir, { recursive: true })
  const copy = spawnSync('cp', ['-al', path.resolve('node_modules'), path.join(dir, 'node_modules')], { encoding: 'utf8' })
  if (copy.status !== 0) throw new Error(`could not link node_modules into the peer app: ${copy.stderr.trim()}`)
  const started = performance.now()
  const build = spawnSync(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    timeout: 600_000,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  })
  if (build.status !== 0) throw new Error(`next build of the peer app failed:\n${`${build.stdout}${build.stderr}`.slice(-3000)}`)
  return { dir, buildSeconds: Math.round((performance.now() - started) / 100) / 10 }
}

/** `next start` in the peer's folder, with Next's defaults (no flags beyond host and port). */
export function startPeerApp(peer: PeerApp, port: number): ChildProcess {
  return spawn(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: peer.dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  })
}
