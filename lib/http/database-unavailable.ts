// A request that fails because the database cannot be used gets 503 with Retry-After and a small page (JSON under
// /api/), not Next's 500. The App Router has no way to choose a render error's status, so the choice is made
// here, on the Node response, as the other hooks in this folder do, keyed on what the data layer noted
// (lib/db-availability.ts). Cached pages never get here: they are answered without a query.
import { subscribe } from 'node:diagnostics_channel'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { databaseFailureCount, isDatabaseUnavailable } from '@/lib/db-availability'
import { env } from '@/lib/env'
import { unavailableJsonMessage, unavailablePage, unavailableRetryAfterSeconds } from './unavailable-page'

const page = unavailablePage({ https: new URL(env.SITE_URL).protocol === 'https:' })
const json = JSON.stringify({ error: unavailableJsonMessage })
// What Next set for the response it meant to send that does not fit ours; the security headers stay.
const replacedHeaders = ['content-type', 'content-length', 'content-encoding', 'cache-control', 'etag', 'last-modified', 'x-nextjs-cache', 'x-nextjs-prerender', 'x-nextjs-stale-time']

type Write = (...args: unknown[]) => boolean
type End = (...args: unknown[]) => ServerResponse
type WriteHead = (status: number, ...rest: unknown[]) => ServerResponse

let installed = false

/**
 * Node publishes `http.server.request.start` for each request just before Next's listener sees it. There each
 * response is watched: when Next starts to send a 500 and the database failed while the request ran (or is
 * known to be down), the 503 is sent instead and what Next writes afterwards is dropped. Installed after the
 * compression hook, so this runs first and its answer is compressed like any other.
 */
export function installDatabaseUnavailableResponses(): void {
  if (installed) return
  installed = true
  subscribe('http.server.request.start', (message) => {
    const { request, response } = message as { request?: IncomingMessage; response?: ServerResponse }
    if (!request || !response) return
    const failuresAtStart = databaseFailureCount()
    const writeHead = response.writeHead.bind(response) as WriteHead
    const write = response.write.bind(response) as Write
    const end = response.end.bind(response) as End
    let answered = false
    const answeredInstead = (status: number): boolean => {
      if (answered) return true
      if (status !== 500 || response.headersSent) return false
      if (!isDatabaseUnavailable() && databaseFailureCount() === failuresAtStart) return false
      answered = true
      sendUnavailable(request, response, writeHead, end)
      return true
    }
    response.writeHead = ((status: number, ...rest: unknown[]) => (answeredInstead(status) ? response : writeHead(status, ...rest))) as ServerResponse['writeHead']
    response.write = ((...args: unknown[]) => {
      if (!answeredInstead(response.statusCode)) return write(...args)
      settle(args)
      return true
    }) as ServerResponse['write']
    response.end = ((...args: unknown[]) => {
      if (!answeredInstead(response.statusCode)) return end(...args)
      settle(args)
      return response
    }) as ServerResponse['end']
  })
}

/** A dropped write's callback still runs, so a stream piped into the response finishes instead of waiting. */
function settle(args: unknown[]): void {
  const callback = args.find((arg): arg is () => void => typeof arg === 'function')
  if (callback) queueMicrotask(callback)
}

function sendUnavailable(request: IncomingMessage, response: ServerResponse, writeHead: WriteHead, end: End): void {
  const asJson = request.url?.startsWith('/api/') ?? false
  const body = asJson ? json : page.html
  for (const name of replacedHeaders) response.removeHeader(name)
  response.setHeader('content-type', asJson ? 'application/json' : 'text/html; charset=utf-8')
  if (!asJson) response.setHeader('content-security-policy', page.policy)
  response.setHeader('cache-control', 'no-store')
  response.setHeader('retry-after', String(unavailableRetryAfterSeconds))
  response.setHeader('content-length', Buffer.byteLength(body))
  writeHead(503)
  end(request.method === 'HEAD' ? undefined : body)
}
