import { describe } from 'vitest'
import { onPostgres } from '@/tests/helpers/test-database'

/** A describe block about SQLite itself (its file, its locks, its pragmas): skipped on PostgreSQL, reason in the name. */
export function describeSqliteOnly(name: string, reason: string, body: () => void): void {
  describe.skipIf(onPostgres)(`${name} [SQLite only: ${reason}]`, body)
}
