import { isIP } from 'node:net'
import { describePostgresTarget, providerOf, redactUrl, sqlitePathFromUrl } from '@/lib/db-url'

// One sentence for the database failures an operator can fix (server down, wrong URL or password, a locked or
// missing SQLite file), instead of a driver error with a stack trace. Both databases side by side: each message
// names its kind, so a SQLite problem never reads as a PostgreSQL one. Knows pg's error codes (node's socket
// codes and PostgreSQL SQLSTATEs), better-sqlite3's, and the kinds Prisma's driver adapters report for them.

const postgresByCode: Record<string, (target: string, user: string) => string> = {
  ECONNREFUSED: (target) => `cannot reach PostgreSQL at ${target} (connection refused): is the server running and the port right?`,
  ENOTFOUND: (target) => `cannot reach PostgreSQL at ${target}: the host name does not resolve`,
  ETIMEDOUT: (target) => `cannot reach PostgreSQL at ${target}: the connection timed out`,
  ECONNRESET: (target) => `PostgreSQL at ${target} closed the connection: is it restarting?`,
  '57P01': (target) => `PostgreSQL at ${target} ended the connection (server shutting down, or the session was terminated)`,
  '28P01': (target, user) => `PostgreSQL at ${target} rejected the password for user "${user}": check DATABASE_URL`,
  '28000': (target, user) => `PostgreSQL at ${target} refused user "${user}" (no such role or not allowed from this host): check DATABASE_URL`,
  '3D000': (target) => `the database ${target} does not exist: create it (createdb) or fix DATABASE_URL`,
  '57P03': (target) => `PostgreSQL at ${target} is starting up or shutting down: try again in a moment`,
  '53300': (target) => `PostgreSQL at ${target} has no free connections (too many clients): lower DATABASE_POOL_SIZE or raise max_connections`,
  '42P01': (target) => `the database ${target} is not migrated (a table is missing): run npm run db:migrate, or fix DATABASE_URL`,
}

// Codes that mean the same as one above: other SQLSTATEs of a lost connection, and the adapter's kinds.
const postgresAliases: Record<string, string> = {
  EAI_AGAIN: 'ENOTFOUND',
  '57P02': '57P01',
  '08006': 'ECONNRESET',
  '08003': 'ECONNRESET',
  DatabaseNotReachable: 'ECONNREFUSED',
  ConnectionClosed: 'ECONNRESET',
  SocketTimeout: 'ETIMEDOUT',
  AuthenticationFailed: '28P01',
  DatabaseAccessDenied: '28000',
  DatabaseDoesNotExist: '3D000',
  TooManyConnections: '53300',
  TableDoesNotExist: '42P01',
}

// pg's own errors carry no code, only these messages.
const postgresByMessage: [RegExp, string][] = [
  [/password authentication failed|Authentication failed/i, '28P01'],
  [/Connection terminated unexpectedly/, 'ECONNRESET'],
  [/connection timeout|timeout exceeded when trying to connect/i, 'ETIMEDOUT'],
  [/ECONNREFUSED|Can't reach database server/i, 'ECONNREFUSED'],
  [/Database `[^`]*` does not exist/i, '3D000'],
]

const sqliteByCode: Record<string, (file: string) => string> = {
  SQLITE_BUSY: (file) => `the SQLite file ${file} is locked by another process (still busy after the 5 s timeout)`,
  SQLITE_CANTOPEN: (file) => `cannot open the SQLite file ${file}: check the path and its permissions`,
  SQLITE_NO_FOLDER: (file) => `cannot open the SQLite file ${file}: its folder does not exist`,
  TableDoesNotExist: (file) => `the SQLite file ${file} has no tables (a new, empty file?): run npm run db:migrate, or fix DATABASE_URL`,
}

/** Every object on an error's chain: causes, Prisma's meta, the adapter's error, aggregated errors. */
function chainOf(error: unknown, depth = 0): Record<string, unknown>[] {
  if (depth > 5 || typeof error !== 'object' || error === null) return []
  const record = error as Record<string, unknown>
  const nested = ['cause', 'meta', 'driverAdapterError', 'error'].flatMap((key) => chainOf(record[key], depth + 1))
  const aggregated = Array.isArray(record.errors) ? record.errors.flatMap((inner) => chainOf(inner, depth + 1)) : []
  return [record, ...nested, ...aggregated]
}

const codesOf = (chain: Record<string, unknown>[]) =>
  chain.flatMap((link) => [link.code, link.originalCode, link.kind]).filter((value): value is string => typeof value === 'string')

const messagesOf = (chain: Record<string, unknown>[]) => chain.map((link) => link.message).filter((value): value is string => typeof value === 'string')

/** The adapter reports "not reachable" for a refused connection (host: the address) and a failed lookup (the name). */
function hostDidNotResolve(chain: Record<string, unknown>[]): boolean {
  const named = (host: string) => isIP(host) === 0 && !host.startsWith('/')
  if (chain.some((link) => link.kind === 'DatabaseNotReachable' && typeof link.host === 'string' && named(link.host))) return true
  // The schema engine says only "Can't reach database server at `host`" (with `:port` when it got an address).
  return messagesOf(chain).some((message) => {
    const host = /Can't reach database server at `([^`]*)`/.exec(message)?.[1]
    return host !== undefined && named(host.replace(/:\d+$/, ''))
  })
}

function describePostgresError(chain: Record<string, unknown>[], databaseUrl: string): string | undefined {
  const target = describePostgresTarget(databaseUrl)
  let user = 'postgres'
  try {
    user = decodeURIComponent(new URL(databaseUrl).username) || user
  } catch {
    // the URL was validated by lib/env.ts; a default user name is enough for a message
  }
  const messageCodes = messagesOf(chain).flatMap((message) => postgresByMessage.filter(([pattern]) => pattern.test(message)).map(([, code]) => code))
  for (const found of [...codesOf(chain), ...messageCodes]) {
    let code = postgresAliases[found] ?? found
    if (code === 'ECONNREFUSED' && hostDidNotResolve(chain)) code = 'ENOTFOUND'
    const known = postgresByCode[code]
    if (known) return known(target, user)
  }
  return undefined
}

function describeSqliteError(chain: Record<string, unknown>[], databaseUrl: string): string | undefined {
  const file = sqlitePathFromUrl(databaseUrl)
  const codes = codesOf(chain)
  if (messagesOf(chain).some((message) => message.includes('because the directory does not exist'))) return sqliteByCode.SQLITE_NO_FOLDER?.(file)
  // Only SQLite's own codes: the adapter maps SQLITE_BUSY to the kind "SocketTimeout", which means a network timeout elsewhere.
  const code = codes.find((value) => value.startsWith('SQLITE_BUSY') || value.startsWith('SQLITE_CANTOPEN'))?.replace(/^(SQLITE_[A-Z]+).*$/, '$1')
  if (code) return sqliteByCode[code]?.(file)
  if (codes.includes('TableDoesNotExist')) return sqliteByCode.TableDoesNotExist?.(file)
  return undefined
}

/** A one-line explanation when `error` means the database named by this URL cannot be used; undefined otherwise. */
export function describeDatabaseError(error: unknown, databaseUrl: string): string | undefined {
  let provider
  try {
    provider = providerOf(databaseUrl)
  } catch {
    return undefined
  }
  const chain = chainOf(error)
  return provider === 'postgresql' ? describePostgresError(chain, databaseUrl) : describeSqliteError(chain, databaseUrl)
}

/** A database that cannot be used as configured: its message is one line for the user, not an internal error. */
export class DatabaseConnectionError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options)
    this.name = 'DatabaseConnectionError'
  }
}

/** Also true for an instance made by another bundle's copy of this module (Next compiles the server in several). */
export function isDatabaseConnectionError(value: unknown): value is DatabaseConnectionError {
  return value instanceof Error && value.name === 'DatabaseConnectionError'
}

/** The error itself, or a DatabaseConnectionError with the one-line explanation (URL redacted) when there is one. */
export function explainDatabaseError(error: unknown, databaseUrl: string): Error {
  if (isDatabaseConnectionError(error)) return error
  const known = describeDatabaseError(error, databaseUrl)
  if (known) return new DatabaseConnectionError(`DATABASE_URL ${redactUrl(databaseUrl)}: ${known}`, { cause: error })
  return error instanceof Error ? error : new Error(String(error))
}

/** A connection that died before answering (terminated, server restarted): a read may be tried again at once. */
export function isLostConnection(error: unknown): boolean {
  const chain = chainOf(error)
  const lost = new Set(['57P01', '57P02', '08006', '08003', 'ConnectionClosed', 'ECONNRESET'])
  return codesOf(chain).some((code) => lost.has(code)) || messagesOf(chain).some((message) => message.includes('Connection terminated unexpectedly'))
}
