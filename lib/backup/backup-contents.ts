import { readMigrationsList } from '@/lib/migrate/migrations-dir'

// What any Ask-KB store holds, at every migration level: the first migration created these tables, and the
// schema engine keeps _prisma_migrations. A backup without them is some other application's database.
export const requiredTables = ['_prisma_migrations', 'Answer', 'AnswerTag', 'AnswerTerm', 'Category', 'GlossaryTerm', 'Tag'] as const

/**
 * Undefined when a backup with these tables and recorded migrations can be restored here (the migration runner
 * then brings it up to date); otherwise why not. `migrationsDir` null checks the tables only. Migrations this code does not have mean a newer version of
 * Ask-KB wrote the backup: the runner could not bring it to this version's schema.
 */
export function describeContentsProblem(file: string, tables: readonly string[], recordedMigrations: readonly string[], migrationsDir: string | null): string | undefined {
  const missing = requiredTables.filter((table) => !tables.includes(table))
  if (missing.length > 0) return `${file} is not an Ask-KB backup: it has no ${missing.join(', ')} table${missing.length === 1 ? '' : 's'}`
  if (migrationsDir === null) return undefined
  const known = new Set(readMigrationsList(migrationsDir).migrationDirectories.map((migration) => migration.path))
  const unknown = recordedMigrations.filter((name) => !known.has(name))
  if (unknown.length > 0) {
    return `${file} was made by a newer version of Ask-KB (migration${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')} unknown here): restore it with that version`
  }
  return undefined
}
