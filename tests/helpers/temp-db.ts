import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createDb, type Db } from '@/lib/db'
import { deployMigrations } from '@/lib/migrate/migrations'
import { createPostgresDatabase, onPostgres } from '@/tests/helpers/test-database'

// A fresh folder per worker: a folder named by pid outlived its run, and a later worker given the same pid reused
// a template migrated by older code (a CI run failed on an index table without its newer column).
const templateDir = mkdtempSync(path.join(tmpdir(), 'ask-kb-template-'))
const template = path.join(templateDir, 'template.db')
let migrated: Promise<unknown> | undefined

export interface TempDb {
  url: string
  /** The SQLite file (SQLite runs only; on PostgreSQL a path that does not exist). */
  file: string
  /** A private folder for the test's own files, on both providers. */
  dir: string
  db: Db
  cleanup: () => Promise<void>
}

/**
 * A real database with all migrations applied: a SQLite file (migrated once per worker, then copied) or, when the
 * suite runs on PostgreSQL, a database created from the migrated template (CREATE DATABASE … TEMPLATE).
 */
export async function createTempDb(): Promise<TempDb> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ask-kb-test-'))
  const file = path.join(dir, 'kb.db')
  if (onPostgres) {
    const database = await createPostgresDatabase({ migrated: true })
    const db = createDb(database.url, { poolSize: 4 })
    return {
      url: database.url,
      file,
      dir,
      db,
      cleanup: async () => {
        await db.$disconnect()
        await database.drop()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  migrated ??= deployMigrations({ databaseUrl: `file:${template}` })
  await migrated
  copyFileSync(template, file)
  const url = `file:${file}`
  const db = createDb(url)
  return {
    url,
    file,
    dir,
    db,
    cleanup: async () => {
      await db.$disconnect()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
