import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Provider } from '@/lib/db-url'

/** A failure the operator can act on: the CLI prints its message as it is (one line), never a stack trace. */
export class BackupFailure extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options)
    this.name = 'BackupFailure'
  }
}

const providerNames: Record<Provider, string> = { sqlite: 'SQLite', postgresql: 'PostgreSQL' }
const extensions: Record<Provider, string> = { sqlite: 'db', postgresql: 'dump' }

/** `backups/<provider>-<UTC timestamp>.<ext>`, e.g. backups/sqlite-2026-12-02T16-24-08Z.db. */
export function defaultBackupPath(provider: Provider, now: Date): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')
  return path.join('backups', `${provider}-${stamp}.${extensions[provider]}`)
}

/**
 * What a file holds, from its first bytes (not its name): a SQLite database starts with "SQLite format 3\0",
 * a pg_dump custom-format archive with "PGDMP".
 */
export function backupKindOf(file: string): Provider | 'unknown' {
  const head = Buffer.alloc(16)
  const fd = openSync(file, 'r')
  let read: number
  try {
    read = readSync(fd, head, 0, head.length, 0)
  } finally {
    closeSync(fd)
  }
  if (read === 16 && head.toString('latin1') === 'SQLite format 3\0') return 'sqlite'
  if (read >= 5 && head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgresql'
  return 'unknown'
}

/** Undefined when `file` is a backup of the kind `provider` restores; otherwise the sentence saying why not. */
export function describeKindMismatch(file: string, provider: Provider): string | undefined {
  if (!existsSync(file)) return `backup file ${file} does not exist`
  if (!statSync(file).isFile()) return `backup file ${file} is not a file`
  const kind = backupKindOf(file)
  if (kind === provider) return undefined
  if (kind === 'unknown') return `${file} is not a backup: neither a SQLite database nor a pg_dump custom-format archive`
  return `${file} is a ${providerNames[kind]} backup, DATABASE_URL is ${providerNames[provider]}: restore it into a ${providerNames[kind]} database`
}

/** Refuses to overwrite: a backup never replaces another file. */
export function checkOutputFree(out: string): void {
  if (existsSync(out)) throw new BackupFailure(`${out} already exists: choose another --out=FILE (a backup never overwrites a file)`)
}

/**
 * Runs `write(partial)` for a file beside `out`, then renames it to `out`: an interrupted or failed backup
 * leaves no file under the final name that looks complete.
 */
export async function writeThroughPartialFile<T>(out: string, write: (partial: string) => Promise<T>): Promise<T> {
  const partial = path.join(path.dirname(out), `.${path.basename(out)}.partial-${process.pid}`)
  try {
    const result = await write(partial)
    renameSync(partial, out)
    return result
  } finally {
    for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) rmSync(leftover, { force: true })
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
