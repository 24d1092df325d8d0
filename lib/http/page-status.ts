import { randomBytes } from 'node:crypto'
import { subscribe } from 'node:diagnostics_channel'
import type { IncomingMessage, ServerResponse } from 'node:http'

// A page rendered per request cannot choose its status in the App Router (only 404 and redirects). The one that
// must, the search page when its visitor is over the rate limit, asks here: the hook gives each such request an
// id header (prefixed with a token of this process, so a client cannot name another request), and when Next
// sends the headers, a status the page asked for replaces the 200, with its extra headers. The page's own body
// (its explanation) is sent unchanged.

export const requestIdHeader = 'x-ask-kb-request-id'

const tokenKey = Symbol.for('ask-kb.page-status-token')
const requestsKey = Symbol.for('ask-kb.page-status-requests')
const shared = globalThis as { [tokenKey]?: string; [requestsKey]?: Map<string, ChosenStatus> }
// Symbol.for: the hook (instrumentation bundle) and the page (app bundle) are different module instances.
const token = () => (shared[tokenKey] ??= randomBytes(18).toString('base64url'))
const chosen = (): Map<string, ChosenStatus> => (shared[requestsKey] ??= new Map<string, ChosenStatus>())

interface ChosenStatus {
  status: number
  headers: Record<string, string>
}

let installed = false
let counter = 0

/** Watches the requests whose path starts with one of `prefixes` (the rest pass untouched). */
export function installPageStatusHook(prefixes: readonly string[]): void {
  if (installed) return
  installed = true
  subscribe('http.server.request.start', (message) => {
    const { request, response } = message as { request?: IncomingMessage; response?: ServerResponse }
    if (!request || !response) return
    if (!prefixes.some((prefix) => request.url?.startsWith(prefix))) {
      delete request.headers[requestIdHeader]
      return
    }
    const id = `${token()}.${++counter}`
    request.headers[requestIdHeader] = id
    const writeHead = response.writeHead as (this: ServerResponse, status: number, ...rest: unknown[]) => ServerResponse
    response.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
      const wanted = chosen().get(id)
      chosen().delete(id)
      if (!wanted || status !== 200) return writeHead.call(this, status, ...rest)
      for (const [name, value] of Object.entries(wanted.headers)) this.setHeader(name, value)
      return writeHead.call(this, wanted.status, ...rest)
    } as ServerResponse['writeHead']
    response.once('close', () => chosen().delete(id))
  })
}

/**
 * Asks for `status` on the response to the request with these headers. False when the request was not watched
 * (the hook is not installed, as under `next dev` before instrumentation ran), which leaves the status at 200.
 */
export function choosePageStatus(requestHeaders: Headers, status: number, headers: Record<string, string> = {}): boolean {
  const id = requestHeaders.get(requestIdHeader)
  if (!id?.startsWith(`${token()}.`)) return false
  chosen().set(id, { status, headers })
  return true
}
