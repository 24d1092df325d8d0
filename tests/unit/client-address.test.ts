import { describe, expect, it } from 'vitest'
import { clientAddress, clientNetwork, peerAddressHeader, peerAddressValue } from '@/lib/http/client-address'

const headers = (peer: string | null, forwardedFor?: string) => {
  const result = new Headers()
  if (peer !== null) result.set(peerAddressHeader, peerAddressValue(peer))
  if (forwardedFor !== undefined) result.set('x-forwarded-for', forwardedFor)
  return result
}

describe('clientAddress', () => {
  it('ignores a peer-address header without this process\'s token (one a client sent before the hook ran)', () => {
    const forged = new Headers({ [peerAddressHeader]: '10.9.8.7' })
    expect(clientAddress(forged, 0)).toBeNull()
    const guessed = new Headers({ [peerAddressHeader]: `${'x'.repeat(24)} 10.9.8.7` })
    expect(clientAddress(guessed, 0)).toBeNull()
    expect(clientAddress(new Headers({ [peerAddressHeader]: peerAddressValue('10.9.8.7') }), 0)).toBe('10.9.8.7')
  })

  it('without trusted proxies, is the socket peer whatever X-Forwarded-For claims', () => {
    expect(clientAddress(headers('192.0.2.1', '203.0.113.9'), 0)).toBe('192.0.2.1')
    expect(clientAddress(headers('::1'), 0)).toBe('::1')
  })

  it('with n trusted proxies, is the n-th X-Forwarded-For entry from the right, ignoring what the client prepended', () => {
    expect(clientAddress(headers('10.0.0.2', '203.0.113.9'), 1)).toBe('203.0.113.9')
    expect(clientAddress(headers('10.0.0.2', '6.6.6.6, 203.0.113.9'), 1)).toBe('203.0.113.9')
    expect(clientAddress(headers('10.0.0.3', '6.6.6.6,203.0.113.9, 10.0.0.2'), 2)).toBe('203.0.113.9')
  })

  it('falls back to the peer when the proxies appended fewer entries than configured', () => {
    expect(clientAddress(headers('10.0.0.2'), 1)).toBe('10.0.0.2')
    expect(clientAddress(headers('10.0.0.2', '203.0.113.9'), 2)).toBe('10.0.0.2')
  })

  it('is null without a peer address or when the chosen entry is not an IP', () => {
    expect(clientAddress(headers(null, '203.0.113.9'), 0)).toBeNull()
    expect(clientAddress(headers(null, '203.0.113.9'), 1)).toBeNull()
    expect(clientAddress(headers('localhost'), 0)).toBeNull()
    expect(clientAddress(headers('10.0.0.2', 'unknown'), 1)).toBeNull()
  })
})

describe('clientNetwork', () => {
  it('keeps IPv4 addresses and unwraps IPv4-mapped IPv6', () => {
    expect(clientNetwork('198.51.100.7')).toBe('198.51.100.7')
    expect(clientNetwork('::ffff:198.51.100.7')).toBe('198.51.100.7')
    expect(clientNetwork('::FFFF:198.51.100.7')).toBe('198.51.100.7')
  })

  it('reduces IPv6 to its /64, however the address is written', () => {
    const network = '2001:0db8:0001:0002::/64'
    expect(clientNetwork('2001:db8:1:2::1')).toBe(network)
    expect(clientNetwork('2001:DB8:1:2:abcd:ef01:2345:6789')).toBe(network)
    expect(clientNetwork('2001:db8:1:2:0:0:0:1')).toBe(network)
    expect(clientNetwork('2001:db8:1:2::1%eth0')).toBe(network)
    expect(clientNetwork('2001:db8:1:3::1')).not.toBe(network)
    expect(clientNetwork('::1')).toBe('0000:0000:0000:0000::/64')
    expect(clientNetwork('64:ff9b::192.0.2.33')).toBe('0064:ff9b:0000:0000::/64')
    expect(clientNetwork('2001:db8::')).toBe('2001:0db8:0000:0000::/64')
  })
})
