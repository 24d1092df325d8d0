import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import type { Tx } from '@/lib/data/sql-rows'
import type { Provider } from '@/lib/db'

// How an ingest keeps to itself, per database. Both implementations side by side:
//   SQLite: one writer per file by design. The write transaction's first statement (the revision claim) takes the
//     file's write lock, waiting up to the busy timeout; readers of the snapshot need nothing (one connection per
//     client, and a transaction sees one snapshot).
//   PostgreSQL: many writers may run at once, on many machines. A transaction-scoped advisory lock, taken before
//     the claim, lets one ingest write at a time (released at commit or rollback, also when the process dies);
//     the stored-content read runs in REPEATABLE READ so the revision and the rows are one snapshot.

/** The advisory lock key of the ingest (any constant; "askkb" in ASCII). Shared by every ingest of a database. */
export const ingestLockKey = 0x61736b6b62n

/** Thrown when another ingest holds the PostgreSQL lock; retryWhileBusy waits and tries again. */
export class IngestLockHeld extends Error {
  constructor() {
    super('another ingest holds the ingest lock')
    this.name = 'IngestLockHeld'
  }
}

/** Takes the ingest's lock as the write transaction's first statement, or throws IngestLockHeld at once. */
export async function takeIngestLock(tx: Tx, provider: Provider): Promise<void> {
  if (provider === 'sqlite') return // the claim that follows takes SQLite's write lock
  const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${ingestLockKey}) AS "locked"`
  if (!row?.locked) throw new IngestLockHeld()
}

/** Transaction options for reading the store as one snapshot. */
export function snapshotReadOptions(provider: Provider): { isolationLevel?: Prisma.TransactionIsolationLevel } {
  if (provider === 'sqlite') return {}
  // The SQLite client's types list only Serializable; the PostgreSQL client (same API, its own build) takes this.
  return { isolationLevel: 'RepeatableRead' as Prisma.TransactionIsolationLevel }
}

/** How long to pause between tries while another writer holds the store (SQLite's tries block by themselves). */
export function retryPauseMs(provider: Provider): number {
  return provider === 'sqlite' ? 0 : 200
}
