import type { TableCounts } from '@/lib/backup/table-counts'

export interface RestoreOptions {
  databaseUrl: string
  /** The backup file, already checked to be of the URL's provider's kind. */
  file: string
  /** Replace a store that has content (or that cannot be read). */
  yes: boolean
  /** Default: the provider's migrations folder; a test passes a longer chain to restore an "older" backup. */
  migrationsDir?: string
}

/** A refusal (bad backup, content without --yes) is a value with its sentence; nothing was changed then. */
export type RestoreResult =
  | { ok: false; message: string }
  | {
      ok: true
      /** The rows the store held before, or null when there was no readable store. */
      replaced: TableCounts | null
      counts: TableCounts
      /** Migrations the runner applied to bring the backup up to this version's schema. */
      applied: string[]
    }
