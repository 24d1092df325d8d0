import 'server-only'
import { z } from 'zod'
import { setTimeout as sleep } from 'node:timers/promises'
import { IngestLockHeld } from '@/lib/data/ingest-lock'
import type { Tx } from '@/lib/data/sql-rows'

// One ingest applies at a time, and never a plan made from an older store: every write moves IngestState (row 1)
// from the revision its plan was read at to the next one, in the same transaction as the content rows.

const stateRowId = 1

/** Absent row = revision 0 (a store no ingest has written yet). */
export async function readIngestRevision(db: Tx): Promise<number> {
  const row = await db.ingestState.findUnique({ where: { id: stateRowId }, select: { revision: true } })
  return row?.revision ?? 0
}

/** The revision and when it moved, for servers that watch the store for ingests (lib/http/content-changes.ts). */
export async function readIngestState(db: Tx): Promise<{ revision: number; updatedAt: number }> {
  const row = await db.ingestState.findUnique({ where: { id: stateRowId }, select: { revision: true, updatedAt: true } })
  return { revision: row?.revision ?? 0, updatedAt: row?.updatedAt.getTime() ?? 0 }
}

/**
 * Moves the revision on, only from `planned`; false when another ingest wrote since the plan was read. Run it as
 * the write transaction's first statement: SQLite then takes its write lock here (waiting out the busy timeout)
 * instead of failing a later upgrade from a read lock. Portable SQL: ON CONFLICT … DO UPDATE … WHERE is the same on
 * SQLite and PostgreSQL, and the id is given, not generated.
 */
export async function claimIngestRevision(tx: Tx, planned: number, now: Date): Promise<boolean> {
  const changed = await tx.$executeRaw`INSERT INTO "IngestState" ("id", "revision", "updatedAt") VALUES (${stateRowId}, ${planned + 1}, ${now})
    ON CONFLICT ("id") DO UPDATE SET "revision" = excluded."revision", "updatedAt" = excluded."updatedAt"
    WHERE "IngestState"."revision" = ${planned}`
  return changed === 1
}

export type NotAppliedReason = 'conflict' | 'busy' | 'failed'

/** Why an ingest of valid content wrote nothing. The message is one line, for the CLI to print as it is. */
export class IngestNotAppliedError extends Error {
  constructor(
    readonly reason: NotAppliedReason,
    detail: string,
    options?: { cause: unknown },
  ) {
    super(detail, options)
    this.name = 'IngestNotAppliedError'
  }

  static conflict(): IngestNotAppliedError {
    return new IngestNotAppliedError(
      'conflict',
      'another ingest changed the content store while this one was running (also after planning again); nothing was written - run it again',
    )
  }

  static busy(waitedMs: number): IngestNotAppliedError {
    const seconds = Math.max(1, Math.round(waitedMs / 1000))
    return new IngestNotAppliedError('busy', `another process kept the content store locked for ${seconds} s; nothing was written - run it again when it has finished`)
  }

  /** A write that failed part-way (disk full, a constraint, a trigger): the transaction was rolled back. */
  static failed(cause: unknown): IngestNotAppliedError {
    return new IngestNotAppliedError('failed', `writing the content store failed (${driverMessage(cause)}); the transaction was rolled back and nothing was written`, { cause })
  }
}

const driverError = z.object({ meta: z.object({ driverAdapterError: z.object({ cause: z.object({ originalMessage: z.string() }) }) }) })

/** The database's own words: Prisma's message spans several lines and may name the wrong kind of constraint. */
function driverMessage(error: unknown): string {
  const parsed = driverError.safeParse(error)
  if (parsed.success) return parsed.data.meta.driverAdapterError.cause.originalMessage
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n').map((line) => line.trim()).filter(Boolean).at(-1) ?? 'unknown error'
}

const sqliteBusy = z.object({
  meta: z.object({ driverAdapterError: z.object({ cause: z.object({ originalCode: z.string().startsWith('SQLITE_BUSY') }) }) }),
})
// P2028: the client's own transaction queue (one connection per client) did not free up within maxWait.
const transactionQueueTimeout = z.object({ code: z.literal('P2028'), message: z.string().includes('Unable to start a transaction') })

/**
 * Another writer holds the store: SQLite's busy timeout ran out, this client's transaction queue did, or another
 * ingest holds PostgreSQL's ingest lock.
 */
export function isStoreBusy(error: unknown): boolean {
  return error instanceof IngestLockHeld || sqliteBusy.safeParse(error).success || transactionQueueTimeout.safeParse(error).success
}

/** How long an ingest waits for another writer before giving up; each try blocks for SQLite's busy timeout. */
export const defaultLockWaitMs = 60_000

/**
 * Runs `attempt` (a whole transaction) again while the store is busy, for up to `lockWaitMs` in all, pausing
 * `pauseMs` between tries (SQLite's tries block for its busy timeout by themselves; PostgreSQL's try-lock does not);
 * `onFirstWait` hears once that it is waiting.
 */
export async function retryWhileBusy<T>(lockWaitMs: number, attempt: () => Promise<T>, pauseMs = 0, onFirstWait?: () => void): Promise<T> {
  const started = performance.now()
  let waiting = false
  for (;;) {
    try {
      return await attempt()
    } catch (error) {
      const waited = performance.now() - started
      if (!isStoreBusy(error)) throw error
      if (waited >= lockWaitMs) throw IngestNotAppliedError.busy(waited)
      if (!waiting) onFirstWait?.()
      waiting = true
      if (pauseMs > 0) await sleep(Math.min(pauseMs, Math.max(1, lockWaitMs - waited)))
    }
  }
}
