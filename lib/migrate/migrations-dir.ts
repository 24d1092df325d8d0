import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The migrations folder in the shape the wasm schema engine takes. Kept apart from the engine so the quick
 * "already applied?" check can read it without loading Prisma.
 */
export function readMigrationsList(migrationsDir: string) {
  const baseDir = path.resolve(migrationsDir)
  const lockPath = path.join(baseDir, 'migration_lock.toml')
  const directories = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && /^\d{14}_/.test(entry.name))
        .map((entry) => entry.name)
        .sort()
    : []
  return {
    baseDir,
    shadowDbInitScript: '',
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    migrationDirectories: directories.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: readFileSync(path.join(baseDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  }
}
