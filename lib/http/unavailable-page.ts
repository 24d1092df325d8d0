import { staticPage } from './static-page'

// What a reader gets while the database cannot be used: 503 with Retry-After, never a 500 or a driver's message.
// It names no database and no cause; the server log has those (lib/db-availability.ts).

/** "Try again in a minute": what the page says and what Retry-After tells crawlers and clients. */
export const unavailableRetryAfterSeconds = 60

export const unavailableJsonMessage = 'temporarily unavailable; try again in a minute'

/** The 503 page, with a policy that allows only its own inline style. */
export function unavailablePage(options: { https: boolean }): { html: string; policy: string } {
  const explanation = 'This page cannot be shown right now because the site cannot reach its content store. Nothing is wrong on your side: please try again in a minute.'
  return staticPage({ status: 503, title: 'Temporarily unavailable', explanation }, options)
}
