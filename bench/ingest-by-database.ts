// The same ingest of N generated answers (bench/generate.ts) into a fresh SQLite file and into a fresh PostgreSQL
// database, in alternating rounds (best of each), then an unchanged re-ingest on each: what moving a site to
// PostgreSQL costs an editor's `content:ingest`.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { ingestContent } from '@/lib/content/ingest'
import type { Db } from '@/lib/db'
import { openMigratedDb } from '@/lib/migrate/migrations'
import { benchTerms, writeAnswers, writeGlossary } from './generate'
import { collectGarbage, round } from './ingest'

export interface DatabaseIngest {
  /** Full ingest of every answer into an empty, migrated store: best round. */
  answersPerSecond: number
  roundSeconds: number[]
  /** A second ingest of the same files, all unchanged (hash and skip). */
  unchangedFilesPerSecond: number
}

export interface IngestByDatabase {
  answers: number
  sqlite: DatabaseIngest
  postgresql: DatabaseIngest
  /** PostgreSQL answers/s ÷ SQLite answers/s. */
  postgresqlVsSqlite: number
}

/** The URL of database `name` on the server `adminUrl` points at. */
export function databaseUrlOn(adminUrl: string, name: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

async function onAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** Seconds one ingest of `contentDir` takes; throws unless all `count` answers came out as `expect`. */
async function timedIngest(contentDir: string, db: Db, count: number, expect: 'new' | 'unchanged'): Promise<number> {
  collectGarbage()
  const started = performance.now()
  const report = await ingestContent({ contentDir, db, write: true })
  const seconds = (performance.now() - started) / 1000
  if (report.problems.length > 0) throw new Error(`bench ingest failed: ${JSON.stringify(report.problems.slice(0, 3))}`)
  if (report.answers[expect] !== count) throw new Error(`bench ingest: expected ${count} ${expect} answers, got ${JSON.stringify(report.answers)}`)
  return seconds
}

/** `adminUrl`: a PostgreSQL superuser URL (a private cluster), where one database per round is created and dropped. */
export async function benchIngestByDatabase(adminUrl: string, count = 1000, rounds = 3): Promise<IngestByDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ask-kb-bench-ingest-db-'))
  const seconds = { sqlite: [] as number[], postgresql: [] as number[] }
  const unchanged = { sqlite: Infinity, postgresql: Infinity }
  try {
    writeAnswers(dir, count)
    writeGlossary(dir, benchTerms)
    const files = count + benchTerms.length
    for (let i = 0; i < rounds; i++) {
      const sqlite = await openMigratedDb(`file:${path.join(dir, `round-${i}.db`)}`)
      try {
        seconds.sqlite.push(await timedIngest(dir, sqlite.db, count, 'new'))
        unchanged.sqlite = Math.min(unchanged.sqlite, await timedIngest(dir, sqlite.db, count, 'unchanged'))
      } finally {
        await sqlite.db.$disconnect()
      }

      const name = `bench_ingest_${i}`
      await onAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name}`)
      await onAdmin(adminUrl, `CREATE DATABASE ${name}`)
      const postgres = await openMigratedDb(databaseUrlOn(adminUrl, name))
      try {
        seconds.postgresql.push(await timedIngest(dir, postgres.db, count, 'new'))
        unchanged.postgresql = Math.min(unchanged.postgresql, await timedIngest(dir, postgres.db, count, 'unchanged'))
      } finally {
        await postgres.db.$disconnect()
        await onAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      }
    }
    const result = (provider: 'sqlite' | 'postgresql'): DatabaseIngest => ({
      answersPerSecond: round(count / Math.min(...seconds[provider])),
      roundSeconds: seconds[provider].map((s) => round(s, 2)),
      unchangedFilesPerSecond: round(files / unchanged[provider]),
    })
    const sqlite = result('sqlite')
    const postgresql = result('postgresql')
    return { answers: count, sqlite, postgresql, postgresqlVsSqlite: round(postgresql.answersPerSecond / sqlite.answersPerSecond, 3) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
