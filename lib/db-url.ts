// Which database a DATABASE_URL names. Kept free of Prisma so light entry points (the ingest CLI's unchanged
// check, the migration fast path) can decide without loading a client.

export type Provider = 'sqlite' | 'postgresql'

export function providerOf(url: string): Provider {
  if (url.startsWith('file:')) return 'sqlite'
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql'
  throw new Error(`DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL), got "${redactUrl(url)}"`)
}

/** The SQLite file a `file:` URL names (the adapter strips `file:` and opens the rest relative to the cwd). */
export function sqlitePathFromUrl(url: string): string {
  if (!url.startsWith('file:')) throw new Error(`not a SQLite URL: ${redactUrl(url)}`)
  return url.replace(/^file:/, '')
}

/** The URL as it may appear in a message or log: never with its password. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/, '$1:***@')
}

/** `host:port/database` of a PostgreSQL URL, for one-line messages. */
export function describePostgresTarget(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${parsed.pathname}`
  } catch {
    return redactUrl(url)
  }
}
