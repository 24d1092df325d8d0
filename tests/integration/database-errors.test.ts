import { spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { describeDatabaseError, explainDatabaseError, isLostConnection } from '@/lib/db-errors'
import { redactUrl } from '@/lib/db-url'
import { startOutageCluster } from '@/tests/helpers/outage-cluster'
import { onPostgres } from '@/tests/helpers/test-database'

// What an operator sees when PostgreSQL is down or the URL is wrong: one line naming the cause, no stack trace,
// never the password.

const stackFrame = /^\s+at /m

/** A port on 127.0.0.1 that nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (typeof address !== 'object' || !address) throw new Error('no port')
  return address.port
}

// The three commands an operator runs against a database, as npm runs them.
const commands = {
  'content:ingest': ['--conditions=react-server', 'scripts/run-bundled.mjs', 'lib/content/cli.ts', 'ingest'],
  'db:migrate': ['--conditions=react-server', 'scripts/run-bundled.mjs', 'lib/migrate/cli.ts', 'deploy'],
  // Migrates and ingests before it builds or serves, so a database it cannot use stops it first.
  start: ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/start.ts'],
}
type Command = keyof typeof commands

function runCommand(command: Command, databaseUrl: string): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, commands[command], {
    env: { ...process.env, DATABASE_URL: databaseUrl, HOSTNAME: '127.0.0.1', PORT: '3476' },
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: result.status, output: `${result.stdout}${result.stderr}` }
}

/** Every command fails with exit 1 and this one line, without a stack trace or the password. */
function expectOneLineFromEach(databaseUrl: string, line: RegExp): void {
  for (const command of Object.keys(commands) as Command[]) {
    const result = runCommand(command, databaseUrl)
    expect(result.code, `${command}: ${result.output}`).toBe(1)
    expect(result.output).not.toMatch(stackFrame)
    expect(result.output).not.toContain('s3cret')
    expect(result.output.trim().split('\n'), command).toEqual([expect.stringMatching(line)])
  }
}

describe('PostgreSQL connection failures are one line', () => {
  it('names a refused connection, a wrong password and a missing database', () => {
    const url = 'postgresql://kb:s3cret@db.internal:5433/askkb'
    expect(describeDatabaseError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), url)).toBe(
      'cannot reach PostgreSQL at db.internal:5433/askkb (connection refused): is the server running and the port right?',
    )
    expect(describeDatabaseError({ code: '28P01', message: 'password authentication failed for user "kb"' }, url)).toMatch(/rejected the password for user "kb"/)
    expect(describeDatabaseError(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]), url)).toMatch(/connection refused/)
    expect(describeDatabaseError({ meta: { driverAdapterError: { cause: { kind: 'DatabaseDoesNotExist' } } } }, url)).toMatch(/does not exist/)
    expect(describeDatabaseError(new Error('syntax error'), url)).toBeUndefined()
    expect(describeDatabaseError({ code: 'ECONNREFUSED' }, 'file:./kb.db')).toBeUndefined()
    expect(redactUrl(url)).toBe('postgresql://kb:***@db.internal:5433/askkb')
  })

  it('tells a refused connection from a name that does not resolve, and a lost connection from both', () => {
    const url = 'postgresql://kb:s3cret@db.internal:5433/askkb'
    const adapterError = (cause: object) => ({ code: 'P1001', meta: { driverAdapterError: { cause } } })
    expect(describeDatabaseError(adapterError({ kind: 'DatabaseNotReachable', host: '10.0.0.7', port: 5433 }), url)).toMatch(/\(connection refused\)/)
    expect(describeDatabaseError(adapterError({ kind: 'DatabaseNotReachable', host: 'db.internal' }), url)).toMatch(/the host name does not resolve$/)
    expect(describeDatabaseError(new Error("Can't reach database server at `db.internal`\n\nPlease make sure…"), url)).toMatch(/does not resolve$/)
    expect(describeDatabaseError(new Error("Can't reach database server at `10.0.0.7:5433`"), url)).toMatch(/connection refused/)
    const terminated = adapterError({ kind: 'postgres', code: '57P01', originalCode: '57P01', message: 'terminating connection due to administrator command' })
    expect(describeDatabaseError(terminated, url)).toBe('PostgreSQL at db.internal:5433/askkb ended the connection (server shutting down, or the session was terminated)')
    expect(describeDatabaseError(new Error('Connection terminated unexpectedly'), url)).toMatch(/closed the connection: is it restarting\?$/)
    expect(isLostConnection(terminated)).toBe(true)
    expect(isLostConnection(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(isLostConnection(adapterError({ kind: 'DatabaseNotReachable', host: '10.0.0.7' }))).toBe(false)
  })

  it('SQLite failures name SQLite and the file, never PostgreSQL; the same adapter kind means a timeout only on PostgreSQL', () => {
    const busy = { meta: { driverAdapterError: { cause: { originalCode: 'SQLITE_BUSY', originalMessage: 'database is locked', kind: 'SocketTimeout' } } } }
    expect(describeDatabaseError(busy, 'file:data/kb.db')).toBe('the SQLite file data/kb.db is locked by another process (still busy after the 5 s timeout)')
    expect(describeDatabaseError({ meta: { driverAdapterError: { cause: { kind: 'SocketTimeout' } } } }, 'postgresql://kb@db/askkb')).toMatch(/^cannot reach PostgreSQL at db:5432\/askkb: the connection timed out$/)
    expect(describeDatabaseError({ code: 'SQLITE_CANTOPEN', message: 'unable to open database file' }, 'file:/srv/kb.db')).toMatch(/^cannot open the SQLite file \/srv\/kb\.db/)
    expect(describeDatabaseError({ code: 'P2021', meta: { driverAdapterError: { cause: { originalCode: 'SQLITE_ERROR', kind: 'TableDoesNotExist' } } } }, 'file:kb.db')).toMatch(/^the SQLite file kb\.db has no tables/)
    expect(explainDatabaseError(busy, 'file:data/kb.db').message).toBe('DATABASE_URL file:data/kb.db: the SQLite file data/kb.db is locked by another process (still busy after the 5 s timeout)')
    // A constraint is the caller's business, not the database being unusable.
    expect(describeDatabaseError({ code: 'P2002', meta: { driverAdapterError: { cause: { originalCode: 'SQLITE_CONSTRAINT_PRIMARYKEY', kind: 'UniqueConstraintViolation' } } } }, 'file:kb.db')).toBeUndefined()
  })

  it('ingest, migrate and npm start against a server that is not running and a host that does not resolve: exit 1, one line', async () => {
    expectOneLineFromEach(
      `postgresql://kb:s3cret@127.0.0.1:${await closedPort()}/askkb`,
      /^DATABASE_URL postgresql:\/\/kb:\*\*\*@127\.0\.0\.1:\d+\/askkb: cannot reach PostgreSQL at 127\.0\.0\.1:\d+\/askkb \(connection refused\)/,
    )
    // RFC 6761: .invalid never resolves, here or anywhere.
    expectOneLineFromEach(
      'postgresql://kb:s3cret@no-such-host.invalid:5432/askkb',
      /^DATABASE_URL postgresql:\/\/kb:\*\*\*@no-such-host\.invalid:5432\/askkb: cannot reach PostgreSQL at no-such-host\.invalid:5432\/askkb: the host name does not resolve$/,
    )
  }, 120_000)

  it.skipIf(!onPostgres)('a wrong password and a database that does not exist, from each command: one line [needs a private cluster]', async () => {
    const cluster = await startOutageCluster()
    try {
      await cluster.addPasswordRole('kb', 'right-password')
      expectOneLineFromEach(
        cluster.urlOf('postgres', { user: 'kb', password: 's3cret' }),
        /^DATABASE_URL postgresql:\/\/kb:\*\*\*@127\.0\.0\.1:\d+\/postgres: PostgreSQL at 127\.0\.0\.1:\d+\/postgres rejected the password for user "kb": check DATABASE_URL$/,
      )
      expectOneLineFromEach(
        cluster.urlOf('no_such_database'),
        /^DATABASE_URL \S+: the database 127\.0\.0\.1:\d+\/no_such_database does not exist: create it \(createdb\) or fix DATABASE_URL$/,
      )
    } finally {
      await cluster.remove()
    }
  }, 120_000)
})
