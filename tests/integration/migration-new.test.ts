import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { onPostgres } from '@/tests/helpers/test-database'

// `npm run db:migration:new -- NAME` in a copy of the project (so this repository's migrations stay as they are):
// one schema change gives one migration per provider under the same name, and the PostgreSQL one was applied on
// a private cluster before anything was written.

const root = process.cwd()

describe.skipIf(!onPostgres)('db:migration:new writes the migration for both databases [runs with the PostgreSQL suite: starts a cluster]', () => {
  let project: string
  const run = (name: string) =>
    spawnSync(process.execPath, ['--conditions=react-server', 'scripts/run-bundled.mjs', 'lib/migrate/cli.ts', 'new', name], { cwd: project, encoding: 'utf8', timeout: 120_000 })
  const newDirs = (folder: string) => readdirSync(path.join(project, folder)).filter((name) => name.endsWith('_answer_featured'))

  beforeAll(() => {
    project = mkdtempSync(path.join(tmpdir(), 'ask-kb-migration-new-'))
    for (const entry of ['lib', 'scripts', 'prisma', 'components', 'tsconfig.json', 'package.json', 'package-lock.json']) cpSync(path.join(root, entry), path.join(project, entry), { recursive: true })
    for (const entry of ['node_modules', 'generated']) symlinkSync(path.join(root, entry), path.join(project, entry))
  })
  afterAll(() => rmSync(project, { recursive: true, force: true }))

  it('says so when nothing changed, then writes both files for a new column, then nothing again', () => {
    const unchanged = run('nothing')
    expect(unchanged.stdout + unchanged.stderr).toContain('No schema changes since the last migration.')

    const schemaPath = path.join(project, 'prisma/schema.prisma')
    const schema = readFileSync(schemaPath, 'utf8')
    writeFileSync(schemaPath, schema.replace(/^(\s+views\s+Int\s+@default\(0\))$/m, '$1\n  featured        Boolean      @default(false)'))
    const created = run('answer_featured')
    expect(created.status, created.stderr).toBe(0)
    const [sqliteDir] = newDirs('prisma/migrations')
    const [postgresDir] = newDirs('prisma/migrations-postgresql')
    expect(sqliteDir).toBeDefined()
    expect(postgresDir).toBe(sqliteDir)
    expect(readFileSync(path.join(project, 'prisma/migrations-postgresql', postgresDir ?? '', 'migration.sql'), 'utf8')).toMatch(
      /ALTER TABLE "Answer" ADD COLUMN\s+"featured" BOOLEAN NOT NULL DEFAULT false;/,
    )
    expect(readFileSync(path.join(project, 'prisma/migrations', sqliteDir ?? '', 'migration.sql'), 'utf8')).toContain('"featured" BOOLEAN NOT NULL DEFAULT false')
    expect(readFileSync(path.join(project, 'prisma/migrations-postgresql/schema.snapshot.prisma'), 'utf8')).toContain('featured')
    expect(readFileSync(path.join(project, 'prisma/migrations-postgresql/migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"')

    const again = run('again')
    expect(again.stdout + again.stderr).toContain('No schema changes since the last migration.')
    expect(existsSync(path.join(project, 'prisma/migrations-postgresql', 'again'))).toBe(false)
  }, 180_000)
})
