import { spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { describeDatabaseError } from '@/lib/db-errors'
import { redactUrl } from '@/lib/db-url'
import { onPostgres, postgresUrl } from '@/tests/helpers/test-database'

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

function runCommand(script: string, databaseUrl: string): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, ['--conditions=react-server', 'scripts/run-bundled.mjs', ...script.split(' ')], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: result.status, output: `${result.stdout}${result.stderr}` }
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

  it('the ingest and migrate commands against a server that is not running: exit 1, one line, no stack trace', async () => {
    const url = `postgresql://kb:s3cret@127.0.0.1:${await closedPort()}/askkb`
    for (const command of ['lib/content/cli.ts ingest', 'lib/migrate/cli.ts deploy']) {
      const result = runCommand(command, url)
      expect(result.code, result.output).toBe(1)
      expect(result.output).not.toMatch(stackFrame)
      expect(result.output).not.toContain('s3cret')
      expect(result.output.trim().split('\n'), command).toEqual([expect.stringMatching(/^DATABASE_URL postgresql:\/\/kb:\*\*\*@127\.0\.0\.1:\d+\/askkb: cannot reach PostgreSQL at 127\.0\.0\.1:\d+\/askkb \(connection refused\)/)])
    }
  }, 60_000)

  it.skipIf(!onPostgres)('a database that does not exist on a running server: one line [needs the PostgreSQL suite’s server]', () => {
    const result = runCommand('lib/content/cli.ts ingest', postgresUrl('no_such_database'))
    expect(result.code).toBe(1)
    expect(result.output.trim().split('\n')).toEqual([expect.stringMatching(/^DATABASE_URL \S+: the database 127\.0\.0\.1:\d+\/no_such_database does not exist/)])
  }, 60_000)
})
