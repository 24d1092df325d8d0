import { isIP } from 'node:net'

/**
 * `next start` hands a route handler a Request without its socket. Next copies the socket's address into
 * X-Forwarded-For only when the client sent none (base-server.js: `headers['x-forwarded-for'] ??= remoteAddress`),
 * so without a proxy that header is whatever the client wants it to be. The hook in instrumentation.ts therefore
 * writes the real peer address into this header on every request, replacing anything a client sent under the name.
 */
export const peerAddressHeader = 'x-ask-kb-peer-address'

/**
 * The client's address: the socket peer, or with `trustedProxies` = n the n-th X-Forwarded-For entry from the right
 * (each trusted proxy appends the address it saw; entries further left are the client's own claims). Null when
 * the peer address is missing (the hook did not run) or an address is not an IP.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string | null {
  const peer = headers.get(peerAddressHeader)
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
