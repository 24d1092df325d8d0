import { describePostgresTarget, redactUrl } from '@/lib/db-url'

// One sentence for the database failures an operator can fix (server down, wrong URL or password), instead of a
// driver error with a stack trace. Knows pg's error codes (node's socket codes and PostgreSQL SQLSTATEs) and the
// kinds Prisma's driver adapters report for the same causes.

const byCode: Record<string, (target: string, user: string) => string> = {
  ECONNREFUSED: (target) => `cannot reach PostgreSQL at ${target} (connection refused): is the server running and the port right?`,
  ENOTFOUND: (target) => `cannot reach PostgreSQL at ${target}: the host name does not resolve`,
  EAI_AGAIN: (target) => `cannot reach PostgreSQL at ${target}: the host name does not resolve`,
  ETIMEDOUT: (target) => `cannot reach PostgreSQL at ${target}: the connection timed out`,
  ECONNRESET: (target) => `PostgreSQL at ${target} closed the connection: is it restarting?`,
  '28P01': (target, user) => `PostgreSQL at ${target} rejected the password for user "${user}": check DATABASE_URL`,
  '28000': (target, user) => `PostgreSQL at ${target} refused user "${user}" (no such role or not allowed from this host): check DATABASE_URL`,
  '3D000': (target) => `the database ${target} does not exist: create it (createdb) or fix DATABASE_URL`,
  '57P03': (target) => `PostgreSQL at ${target} is starting up or shutting down: try again in a moment`,
  '53300': (target) => `PostgreSQL at ${target} has no free connections (too many clients): lower DATABASE_POOL_SIZE or raise max_connections`,
}

const byAdapterKind: Record<string, string> = {
  DatabaseNotReachable: 'ECONNREFUSED',
  AuthenticationFailed: '28P01',
  DatabaseDoesNotExist: '3D000',
  TooManyConnections: '53300',
}

function codesOf(error: unknown, depth = 0): string[] {
  if (depth > 5 || typeof error !== 'object' || error === null) return []
  const record = error as Record<string, unknown>
  const own = [record.code, record.originalCode, record.kind].filter((value): value is string => typeof value === 'string')
  const nested = ['cause', 'meta', 'driverAdapterError', 'error'].flatMap((key) => codesOf(record[key], depth + 1))
  const aggregated = Array.isArray(record.errors) ? record.errors.flatMap((inner) => codesOf(inner, depth + 1)) : []
  return [...own, ...nested, ...aggregated]
}

/** A one-line explanation when `error` is a connection or login failure for this URL; undefined otherwise. */
export function describeDatabaseError(error: unknown, databaseUrl: string): string | undefined {
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) return undefined
  const target = describePostgresTarget(databaseUrl)
  let user = 'postgres'
  try {
    user = decodeURIComponent(new URL(databaseUrl).username) || user
  } catch {
    // the URL was validated by lib/env.ts; a default user name is enough for a message
  }
  for (const code of codesOf(error)) {
    const known = byCode[byAdapterKind[code] ?? code]
    if (known) return known(target, user)
  }
  const message = error instanceof Error ? error.message : String(error)
  if (/password authentication failed/i.test(message)) return byCode['28P01']?.(target, user)
  if (/ECONNREFUSED|Can't reach database server/i.test(message)) return byCode.ECONNREFUSED?.(target, user)
  if (/Authentication failed/i.test(message)) return byCode['28P01']?.(target, user)
  if (/Database `[^`]*` does not exist/i.test(message)) return byCode['3D000']?.(target, user)
  return undefined
}

/** A database that cannot be used as configured: its message is one line for the user, not an internal error. */
export class DatabaseConnectionError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options)
    this.name = 'DatabaseConnectionError'
  }
}

/** The error itself, or a DatabaseConnectionError with the one-line explanation (URL redacted) when there is one. */
export function explainDatabaseError(error: unknown, databaseUrl: string): Error {
  const known = describeDatabaseError(error, databaseUrl)
  if (known) return new DatabaseConnectionError(`DATABASE_URL ${redactUrl(databaseUrl)}: ${known}`, { cause: error })
  return error instanceof Error ? error : new Error(String(error))
}
