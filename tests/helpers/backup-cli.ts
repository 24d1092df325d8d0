import { spawn } from 'node:child_process'
import { copyFileSync, cpSync, mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { writeContentDir } from '@/tests/helpers/content-dir'
import { runNode, type NodeRun } from '@/tests/helpers/run-node'

export type CliRun = NodeRun

/** `npm run db:backup` / `db:restore` as an operator runs them: the bundled CLI on plain node, in its own process. */
export function runBackupCli(command: 'backup' | 'restore', args: readonly string[], databaseUrl: string, cwd = process.cwd()): Promise<CliRun> {
  const launcher = path.resolve('scripts/run-bundled.mjs')
  return runNode(['--conditions=react-server', launcher, 'lib/backup/cli.ts', command, ...args], { cwd, env: { DATABASE_URL: databaseUrl } })
}

/** The fixture store: the real glossary (the fixtures link its terms) and every accepted fixture answer. */
export function fixtureContentDir(): string {
  const dir = writeContentDir({})
  cpSync('content/glossary', path.join(dir, 'glossary'), { recursive: true })
  mkdirSync(path.join(dir, 'answers'))
  for (const name of readdirSync('tests/fixtures/good')) copyFileSync(path.join('tests/fixtures/good', name), path.join(dir, 'answers', name))
  return dir
}

export interface Writer {
  /** Transactions committed so far, as the writer reports them. */
  committed: () => number
  stop: () => Promise<void>
}

/**
 * Another process writing in a loop, as the site's view counter and an ingest do, until stopped (at most 30 s):
 * transaction n inserts ViewMark and AppSecret rows "w-n" and sets IngestState.revision to n, so any consistent
 * snapshot has revision = the number of "w-" rows in each table.
 */
export async function startWriter(databaseUrl: string): Promise<Writer> {
  const sqliteLoop = `
    const db = new (require('better-sqlite3'))(${JSON.stringify(databaseUrl.replace(/^file:/, ''))}, { timeout: 5000 })
    const write = db.transaction((n) => {
      db.prepare("INSERT INTO ViewMark (hash, day) VALUES (?, 'w')").run('w-' + n)
      db.prepare("INSERT INTO AppSecret (name, value) VALUES (?, 'w')").run('w-' + n)
      db.prepare('UPDATE IngestState SET revision = ? WHERE id = 1').run(n)
    })
    let n = 0
    const loop = () => { for (let i = 0; i < 20; i++) write(++n); console.log(n); setTimeout(loop, 1) }
    loop()`
  const postgresLoop = `
    const client = new (require('pg').Client)({ connectionString: ${JSON.stringify(databaseUrl)} })
    let n = 0
    const loop = async () => {
      n++
      await client.query('BEGIN')
      await client.query('INSERT INTO "ViewMark" (hash, day) VALUES ($1, $2)', ['w-' + n, 'w'])
      await client.query('INSERT INTO "AppSecret" (name, value) VALUES ($1, $2)', ['w-' + n, 'w'])
      await client.query('UPDATE "IngestState" SET revision = $1 WHERE id = 1', [n])
      await client.query('COMMIT')
      console.log(n)
      setImmediate(loop)
    }
    client.connect().then(loop)`
  const script = databaseUrl.startsWith('file:') ? sqliteLoop : postgresLoop
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'], timeout: 30_000 })
  let committed = 0
  child.stdout.on('data', (chunk: Buffer) => {
    const last = chunk.toString().trim().split('\n').at(-1)
    if (last) committed = Number(last)
  })
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve())
    child.once('error', reject)
  })
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()))
  return {
    committed: () => committed,
    stop: async () => {
      child.kill('SIGKILL')
      await closed
    },
  }
}
