import { randomBytes } from 'node:crypto'
import { isIP } from 'node:net'

/**
 * `next start` hands a route handler a Request without its socket. Next copies the socket's address into
 * X-Forwarded-For only when the client sent none (base-server.js: `headers['x-forwarded-for'] ??= remoteAddress`),
 * so without a proxy that header is whatever the client wants it to be. The hook in instrumentation.ts therefore
 * writes the real peer address into this header on every request, replacing anything a client sent under the name.
 * Next installs that hook lazily, after the server already accepts connections, so a request can slip past it with
 * a header of its own: the hook's value therefore starts with a random token of this process, which no client can
 * know, and a value without it counts as no address at all.
 */
export const peerAddressHeader = 'x-ask-kb-peer-address'

// Symbol.for: the hook (instrumentation bundle) and the route handlers (app bundles) share one process, not modules.
const tokenKey = Symbol.for('ask-kb.peer-address-token')
const processToken = () => ((globalThis as { [tokenKey]?: string })[tokenKey] ??= randomBytes(18).toString('base64url'))

/** The header value the hook writes for a socket peer. */
export const peerAddressValue = (address: string) => `${processToken()} ${address}`

function peerAddress(headers: Headers): string | null {
  const value = headers.get(peerAddressHeader)
  const prefix = `${processToken()} `
  return value?.startsWith(prefix) ? value.slice(prefix.length) : null
}

/**
 * The client's address: the socket peer, or with `trustedProxies` = n the n-th X-Forwarded-For entry from the right
 * (each trusted proxy appends the address it saw; entries further left are the client's own claims). Null when
 * the peer address is missing (the hook did not run) or an address is not an IP.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string | null {
  const peer = peerAddress(headers)
  if (peer === null || isIP(peer) === 0) return null
  if (trustedProxies === 0) return peer
  const forwarded = (headers.get('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean)
  // Fewer entries than proxies means a proxy did not append: fall back to the peer, which cannot be forged.
  const claimed = forwarded[forwarded.length - trustedProxies] ?? peer
  return isIP(claimed) === 0 ? null : claimed
}

/**
 * The key one visitor is known by. IPv4 addresses stand for themselves; an IPv6 client usually owns a whole /64
 * and can pick a new address in it for every request, so IPv6 addresses are reduced to their /64 network.
 */
export function clientNetwork(address: string): string {
  const unzoned = address.split('%', 1)[0] ?? address
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(unzoned)
  if (mapped?.[1]) return mapped[1]
  if (isIP(unzoned) !== 6) return unzoned
  return `${expandIpv6(unzoned).slice(0, 4).join(':')}::/64`
}

// `2001:db8::1` → eight four-digit groups (an embedded IPv4 tail counts as the last two groups).
function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::')
  const groups = (part: string | undefined) => (part ? part.split(':').flatMap(ipv4TailToGroups) : [])
  const left = groups(head)
  const right = groups(tail)
  const zeros = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0')
  return [...left, ...zeros, ...right].map((group) => group.padStart(4, '0'))
}

function ipv4TailToGroups(group: string): string[] {
  if (!group.includes('.')) return [group]
  const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number)
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)]
}
