import { noteIfUnavailable } from '@/lib/db-availability'
import { isDatabaseConnectionError } from '@/lib/db-errors'
import { env } from '@/lib/env'
import { unavailableRetryAfterSeconds, unavailableJsonMessage } from './unavailable-page'

// The one response shape of the JSON API: a body, or `{ error }` with a status. Never cached, never a stack trace.
const noStore = { 'cache-control': 'no-store' }

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...noStore, ...headers } })
}

export function jsonError(status: number, error: string, headers: Record<string, string> = {}): Response {
  return jsonResponse({ error }, status, headers)
}

/**
 * Runs a handler. A database that cannot be used answers 503 with Retry-After (the outage is logged once, by
 * lib/db-availability.ts); any other unexpected failure is logged here and answers a plain 500.
 */
export async function answerOrInternalError(route: string, handle: () => Promise<Response>): Promise<Response> {
  try {
    return await handle()
  } catch (error) {
    // Failures outside a watched query (starting a transaction) are explained and noted here.
    if (isDatabaseConnectionError(noteIfUnavailable(error, env.DATABASE_URL))) {
      return jsonError(503, unavailableJsonMessage, { 'retry-after': String(unavailableRetryAfterSeconds) })
    }
    console.error(`${route}: unexpected error`, error)
    return jsonError(500, 'internal error')
  }
}
