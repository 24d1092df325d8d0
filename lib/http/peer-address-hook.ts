import { subscribe } from 'node:diagnostics_channel'
import type { IncomingMessage } from 'node:http'
import { peerAddressHeader, peerAddressValue } from './client-address'

let installed = false

/**
 * Node publishes `http.server.request.start` for every request just before the server's request listener (Next)
 * sees it. Writing the socket's address into a header there is the one way a route handler under `next start` can
 * learn who is really connected (see client-address.ts).
 */
export function installPeerAddressHook(): void {
  if (installed) return
  installed = true
  subscribe('http.server.request.start', (message) => {
    if (!isRequestStart(message)) return
    const { request } = message
    const address = request.socket.remoteAddress
    if (address) request.headers[peerAddressHeader] = peerAddressValue(address)
    else delete request.headers[peerAddressHeader]
  })
}

function isRequestStart(message: unknown): message is { request: IncomingMessage } {
  return typeof message === 'object' && message !== null && 'request' in message && typeof message.request === 'object'
}
