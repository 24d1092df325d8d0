import type { PrismaClient } from '@/generated/prisma/client'
import { explainDatabaseError, isDatabaseConnectionError, isLostConnection, type DatabaseConnectionError } from '@/lib/db-errors'

// Whether this process can use its database right now, as the site's queries find out. The server answers 503
// while it cannot (lib/http/database-unavailable.ts) and logs one line when that changes, not a stack per request.

interface AvailabilityState {
  /** Since when queries fail, and the first failure's explanation; null while the database answers. */
  outage: { since: number; message: string } | null
  /** Failures seen so far (only grows): a response can tell whether one happened while it was being made. */
  failures: number
  /** Log state changes: the server does; a CLI prints its one failure itself. */
  announce: boolean
}

// Next compiles the server into several bundles, each with its own copy of this module: one state per process.
const stateKey = Symbol.for('ask-kb.database-availability')
const holder = globalThis as { [stateKey]?: AvailabilityState }
const state: AvailabilityState = (holder[stateKey] ??= { outage: null, failures: 0, announce: false })

/** From now on, a change of state is logged as one line ("database unreachable: …", "database back after …"). */
export function announceAvailabilityChanges(): void {
  state.announce = true
}

export function noteDatabaseFailure(error: DatabaseConnectionError): void {
  state.failures += 1
  if (state.outage) return
  state.outage = { since: Date.now(), message: error.message }
  if (state.announce) console.error(`database unreachable: ${error.message}`)
}

export function noteDatabaseAnswered(): void {
  if (!state.outage) return
  const seconds = (Date.now() - state.outage.since) / 1000
  state.outage = null
  if (state.announce) console.error(`database back after ${seconds.toFixed(1)} s`)
}

export function isDatabaseUnavailable(): boolean {
  return state.outage !== null
}

export function databaseFailureCount(): number {
  return state.failures
}

/** The error as explained for this URL; noted when it means the database cannot be used. */
export function noteIfUnavailable(error: unknown, databaseUrl: string): Error {
  const explained = explainDatabaseError(error, databaseUrl)
  if (isDatabaseConnectionError(explained)) noteDatabaseFailure(explained)
  return explained
}

// Reads are safe to send again when their connection died before answering; writes might have been applied.
const readOperations = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count', 'aggregate', 'groupBy'])
// Every pooled connection may have been cut at once (pg_terminate_backend, a server restart): the pool drops each
// dead one as it fails or as its goodbye is read, so a few tries, a turn of the event loop apart, reach a live one.
const readTries = 4

async function retryingLostReads(operation: string, send: () => Promise<unknown>): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send()
    } catch (error) {
      if (attempt >= readTries || !readOperations.has(operation) || !isLostConnection(error)) throw error
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
}

/**
 * The client with every query watched: a failure that means the database cannot be used is thrown as a
 * DatabaseConnectionError (one line) and noted, an answer after an outage ends it. A read whose pooled connection
 * was cut is sent again on another one instead of failing a reader.
 */
export function withAvailabilityWatch(client: PrismaClient, databaseUrl: string): PrismaClient {
  const watched = client.$extends({
    name: 'availability-watch',
    query: {
      async $allOperations({ operation, args, query }) {
        try {
          const result = await retryingLostReads(operation, () => query(args))
          noteDatabaseAnswered()
          return result
        } catch (error) {
          throw noteIfUnavailable(error, databaseUrl)
        }
      },
    },
  })
  // Only queries are extended, so the model API is the client's own.
  return watched as unknown as PrismaClient
}
