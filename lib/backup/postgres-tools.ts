import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { BackupFailure } from '@/lib/backup/backup-file'

// How backups reach PostgreSQL: one pg connection, and pg_dump, pg_restore and psql from one client install. Debian keeps each major version in
// /usr/lib/postgresql/<major>/bin (only one of them is on PATH, through a wrapper), so those come first.

export interface PostgresTools {
  major: number
  pgDump: string
  pgRestore: string
  psql: string
}

const debianBase = '/usr/lib/postgresql'

function candidateDirs(): (string | null)[] {
  const versioned = existsSync(debianBase)
    ? readdirSync(debianBase)
        .filter((name) => /^\d+$/.test(name) && existsSync(path.join(debianBase, name, 'bin', 'pg_dump')))
        .sort((a, b) => Number(b) - Number(a))
        .map((name) => path.join(debianBase, name, 'bin'))
    : []
  return [...versioned, null] // null: whatever PATH finds
}

function majorVersionOf(pgDump: string): number | undefined {
  const result = spawnSync(pgDump, ['--version'], { encoding: 'utf8' })
  const match = result.status === 0 ? /\(PostgreSQL\)\s+(\d+)/.exec(result.stdout) : null
  return match?.[1] ? Number(match[1]) : undefined
}

/** The newest client tools installed; a one-line instruction when there are none or they are older than the server. */
export function findPostgresTools(serverMajor: number): PostgresTools {
  const found: PostgresTools[] = []
  for (const dir of candidateDirs()) {
    const tool = (name: string) => (dir ? path.join(dir, name) : name)
    const major = majorVersionOf(tool('pg_dump'))
    if (major !== undefined) found.push({ major, pgDump: tool('pg_dump'), pgRestore: tool('pg_restore'), psql: tool('psql') })
  }
  const newest = found.sort((a, b) => b.major - a.major)[0]
  const install = `apt-get install postgresql-client-${serverMajor}`
  if (!newest) throw new BackupFailure(`pg_dump is not installed (looked in ${debianBase}/*/bin and PATH): ${install}`)
  if (newest.major < serverMajor) {
    throw new BackupFailure(`pg_dump ${newest.major} is older than the PostgreSQL ${serverMajor} server and cannot read it: ${install} (or newer)`)
  }
  return newest
}

/** The URL for libpq without its password (a command line is visible to every local user), and the password. */
export function libpqTarget(databaseUrl: string): { url: string; password: string | undefined } {
  const parsed = new URL(databaseUrl)
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined
  parsed.password = ''
  return { url: parsed.toString(), password }
}

/**
 * Runs a client tool (against `databaseUrl` when given, the password passed in the environment); resolves with
 * its stdout, or fails with the tool's own error line (e.g. "pg_restore: error: could not read from input file").
 */
export function runPostgresTool(bin: string, args: readonly string[], databaseUrl?: string): Promise<string> {
  const { url, password } = databaseUrl === undefined ? { url: undefined, password: undefined } : libpqTarget(databaseUrl)
  const name = path.basename(bin)
  return new Promise((resolve, reject) => {
    const child = spawn(bin, url === undefined ? args : [...args, `--dbname=${url}`], {
      // The child inherits this process's environment (PATH, locale), plus the password and a connect timeout.
      env: { ...process.env, ...(password === undefined ? {} : { PGPASSWORD: password }), PGCONNECT_TIMEOUT: '5' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const stdout: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', (error) => reject(new BackupFailure(`cannot run ${bin}: ${error.message}`, { cause: error })))
    child.on('close', (code) => {
      if (code === 0) return resolve(Buffer.concat(stdout).toString('utf8'))
      const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean)
      const reason = lines.find((line) => /error|fatal/i.test(line)) ?? lines.at(-1) ?? `exit code ${code}`
      reject(new BackupFailure(`${name} failed: ${reason}`))
    })
  })
}


/** The server's major version (e.g. 15), which pg_dump's must reach. */
export async function serverMajorOf(client: pg.Client): Promise<number> {
  const result = await client.query<{ server_version_num: string }>('SHOW server_version_num')
  return Math.floor(Number(result.rows[0]?.server_version_num) / 10_000)
}
