// A request that fails because the database cannot be used gets 503 with Retry-After and a small page (JSON under
// /api/), not Next's 500. The App Router has no way to choose a render error's status, so the choice is made
// here, on the Node response, as the other hooks in this folder do, keyed on what the data layer noted
// (lib/db-availability.ts). Cached pages are answered without a query, so they are never turned into a 503.
import { subscribe } from 'node:diagnostics_channel'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { databaseFailureCount, isDatabaseUnavailable } from '@/lib/db-availability'
import { env } from '@/lib/env'
import { unavailableJsonMessage, unavailablePage, unavailableRetryAfterSeconds } from './unavailable-page'

const page = unavailablePage({ https: new URL(env.SITE_URL).protocol === 'https:' })
const json = JSON.stringify({ error: unavailableJsonMessage })
// What Next set for the response it meant to send that does not fit ours; the security headers stay.
const replacedHeaders = ['content-type', 'content-length', 'content-encoding', 'cache-control', 'etag', 'last-modified', 'x-nextjs-cache', 'x-nextjs-prerender', 'x-nextjs-stale-time']

type Write = (this: ServerResponse, ...args: unknown[]) => boolean
type End = (this: ServerResponse, ...args: unknown[]) => ServerResponse
type WriteHead = (this: ServerResponse, status: number, ...rest: unknown[]) => ServerResponse

/** What a watched response remembers: the methods it wraps, and the database's failures when it started. */
interface Watch {
  request: IncomingMessage
  writeHead: WriteHead
  write: Write
  end: End
  failuresAtStart: number
  answered: boolean
}

const watchKey = Symbol('ask-kb.database-unavailable')
type WatchedResponse = ServerResponse & { [watchKey]?: Watch }

let installed = false

/**
 * Node publishes `http.server.request.start` for each request just before Next's listener sees it. There each
 * response is watched: when Next starts to send a 500 and the database failed while the request ran (or is
 * known to be down), the 503 is sent instead and what Next writes afterwards is dropped. Installed after the
 * compression hook, so this runs first and its answer is compressed like any other. The wrappers are shared and
 * the state lives on the response: a request costs one small object, not a set of closures (every cached page
 * passes here).
 */
export function installDatabaseUnavailableResponses(): void {
  if (installed) return
  installed = true
  subscribe('http.server.request.start', (message) => {
    const { request, response } = message as { request?: IncomingMessage; response?: WatchedResponse }
    if (!request || !response) return
    const { writeHead, write, end } = response as unknown as { writeHead: WriteHead; write: Write; end: End }
    response[watchKey] = { request, writeHead, write, end, failuresAtStart: databaseFailureCount(), answered: false }
    response.writeHead = watchedWriteHead as ServerResponse['writeHead']
    response.write = watchedWrite as ServerResponse['write']
    response.end = watchedEnd as ServerResponse['end']
  })
}

/** True when this response is (now) the 503: sent here, the first time Next is about to send a 500. */
function answeredInstead(response: WatchedResponse, watch: Watch, status: number): boolean {
  if (watch.answered) return true
  if (status !== 500 || response.headersSent) return false
  if (!isDatabaseUnavailable() && databaseFailureCount() === watch.failuresAtStart) return false
  watch.answered = true
  sendUnavailable(response, watch)
  return true
}

function watchedWriteHead(this: WatchedResponse, status: number, ...rest: unknown[]): ServerResponse {
  const watch = this[watchKey]
  if (!watch) return this
  return answeredInstead(this, watch, status) ? this : watch.writeHead.call(this, status, ...rest)
}

function watchedWrite(this: WatchedResponse, ...args: unknown[]): boolean {
  const watch = this[watchKey]
  if (watch && !answeredInstead(this, watch, this.statusCode)) return watch.write.apply(this, args)
  settle(args)
  return true
}

function watchedEnd(this: WatchedResponse, ...args: unknown[]): ServerResponse {
  const watch = this[watchKey]
  if (watch && !answeredInstead(this, watch, this.statusCode)) return watch.end.apply(this, args)
  settle(args)
  return this
}

/** A dropped write's callback still runs, so a stream piped into the response finishes instead of waiting. */
function settle(args: unknown[]): void {
  const callback = args.find((arg): arg is () => void => typeof arg === 'function')
  if (callback) queueMicrotask(callback)
}

function sendUnavailable(response: ServerResponse, watch: Watch): void {
  const asJson = watch.request.url?.startsWith('/api/') ?? false
  const body = asJson ? json : page.html
  for (const name of replacedHeaders) response.removeHeader(name)
  response.setHeader('content-type', asJson ? 'application/json' : 'text/html; charset=utf-8')
  if (!asJson) response.setHeader('content-security-policy', page.policy)
  response.setHeader('cache-control', 'no-store')
  response.setHeader('retry-after', String(unavailableRetryAfterSeconds))
  response.setHeader('content-length', Buffer.byteLength(body))
  watch.writeHead.call(response, 503)
  watch.end.call(response, watch.request.method === 'HEAD' ? undefined : body)
}
