// A private PostgreSQL cluster for tests and for writing migrations: initdb in a temp folder, listening on
// 127.0.0.1 only, on a random free port, trust auth for the local superuser `postgres`. Removed by `stop`.
//   node scripts/postgres-cluster.mjs start   → prints one JSON line {"dir","port","url"}
//   node scripts/postgres-cluster.mjs stop DIR
//   node scripts/postgres-cluster.mjs stop-server DIR / start-server DIR PORT   (an outage: data kept, same port)
// Plain JavaScript: scripts/test.sh runs it before anything is built. Debian's `postgresql` is installed with
// apt-get when no server binaries are found and we are root (as scripts/test.sh does for Chromium).
import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const isRoot = process.getuid?.() === 0

function findBinDir() {
  const base = '/usr/lib/postgresql'
  if (!existsSync(base)) return undefined
  const versions = readdirSync(base).filter((name) => existsSync(path.join(base, name, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
  return versions[0] ? path.join(base, versions[0], 'bin') : undefined
}

/** The server binaries, installed when missing; throws a one-line instruction when they cannot be. */
export function ensurePostgresBinaries() {
  const found = findBinDir()
  if (found) return found
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error("PostgreSQL server binaries are missing: run 'sudo apt-get install postgresql' and try again")
  }
  console.error("PostgreSQL is missing: installing Debian's postgresql package…")
  const started = Date.now()
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' })
  execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  console.error(`Installed PostgreSQL in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  const installed = findBinDir()
  if (!installed) throw new Error('apt-get installed postgresql but no /usr/lib/postgresql/*/bin/initdb was found')
  return installed
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

// initdb and the server refuse to run as root: run them as the postgres user, in a folder it owns.
function runAsOwner(bin, args) {
  const [command, commandArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
  const result = spawnSync(command, commandArgs, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${path.basename(bin)} failed: ${(result.stderr || result.stdout || String(result.error)).trim().split('\n').at(-1)}`)
}

export async function startCluster() {
  const binDir = ensurePostgresBinaries()
  const dir = mkdtempSync(path.join(tmpdir(), 'ask-kb-pg-'))
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(dir, uid, gid)
  }
  runAsOwner(path.join(binDir, 'initdb'), ['-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'])
  // A port another process takes between our probe and the server's bind makes the start fail: try a few.
  for (let attempt = 0; ; attempt++) {
    const port = await freePort()
    try {
      startClusterServer({ dir, port })
      return { dir, port, url: `postgresql://postgres@127.0.0.1:${port}/postgres` }
    } catch (error) {
      if (attempt >= 2) {
        rmSync(dir, { recursive: true, force: true })
        throw error
      }
    }
  }
}

/** Starts the server of a cluster made by startCluster (again, after stopClusterServer) on the given port. */
export function startClusterServer({ dir, port }) {
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`
  runAsOwner(path.join(ensurePostgresBinaries(), 'pg_ctl'), ['-D', path.join(dir, 'data'), '-o', options, '-l', path.join(dir, 'log'), '-w', 'start'])
}

/**
 * Stops the server and keeps the data, so startClusterServer can bring the same databases back on the same port
 * (tests of an outage). `fast` ends open sessions cleanly, `immediate` as a crash would.
 */
export function stopClusterServer(dir, mode = 'fast') {
  runAsOwner(path.join(ensurePostgresBinaries(), 'pg_ctl'), ['-D', path.join(dir, 'data'), '-m', mode, '-w', 'stop'])
}

export function stopCluster(dir) {
  if (findBinDir() && existsSync(path.join(dir, 'data', 'postmaster.pid'))) {
    try {
      stopClusterServer(dir, 'immediate')
    } catch {
      // already stopped: removing the folder is all that is left
    }
  }
  rmSync(dir, { recursive: true, force: true })
}

const commandLine = z.union([
  z.tuple([z.literal('start')]),
  z.tuple([z.enum(['stop', 'stop-server']), z.string().min(1)]),
  z.tuple([z.literal('start-server'), z.string().min(1), z.coerce.number().int().min(1).max(65535)]),
])

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const parsed = commandLine.safeParse(process.argv.slice(2))
    if (!parsed.success) throw new Error('usage: node scripts/postgres-cluster.mjs start | stop DIR | stop-server DIR | start-server DIR PORT')
    const [command, dir, port] = parsed.data
    if (command === 'start') console.log(JSON.stringify(await startCluster()))
    else if (command === 'stop') stopCluster(dir)
    else if (command === 'stop-server') stopClusterServer(dir)
    else startClusterServer({ dir, port })
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  }
}
