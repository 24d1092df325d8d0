import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createDb, type Db } from '@/lib/db'
import { deployMigrations } from '@/lib/migrate/migrations'

const templateDir = path.join(tmpdir(), `ask-kb-template-${process.pid}`)
const template = path.join(templateDir, 'template.db')
let migrated: Promise<unknown> | undefined

/** A real SQLite file with all migrations applied (migrated once per worker, then copied). */
export async function createTempDb(): Promise<{ url: string; file: string; dir: string; db: Db; cleanup: () => Promise<void> }> {
  mkdirSync(templateDir, { recursive: true })
  migrated ??= existsSync(template) ? Promise.resolve() : deployMigrations({ databaseUrl: `file:${template}` })
  await migrated
  const dir = mkdtempSync(path.join(tmpdir(), 'ask-kb-test-'))
  const file = path.join(dir, 'kb.db')
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
