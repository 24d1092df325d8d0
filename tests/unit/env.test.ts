import { describe, expect, it } from 'vitest'
import { parseEnv } from '@/lib/env'

describe('parseEnv', () => {
  it('applies the documented defaults', () => {
    expect(parseEnv({})).toEqual({
      DATABASE_URL: 'file:./data/kb.db',
      DATABASE_POOL_SIZE: 10,
      DATABASE_STATEMENT_TIMEOUT_MS: 30_000,
      CONTENT_DIR: 'content',
      SITE_URL: 'http://localhost:3000',
      HOSTNAME: '0.0.0.0',
      PORT: 3000,
      TRUST_PROXY: 0,
      VIEW_RATE_LIMIT_MAX: 60,
      VIEW_RATE_LIMIT_WINDOW_SECONDS: 60,
      SEARCH_RATE_LIMIT_MAX: 120,
      SEARCH_RATE_LIMIT_WINDOW_SECONDS: 60,
    })
  })

  it('treats empty strings as unset and trims a trailing slash from SITE_URL', () => {
    expect(parseEnv({ PORT: '', SITE_URL: 'https://ask.example.com/' })).toMatchObject({ PORT: 3000, SITE_URL: 'https://ask.example.com' })
  })

  it('reads the view-protection settings and refuses bad ones', () => {
    expect(parseEnv({ TRUST_PROXY: '1', VIEW_RATE_LIMIT_MAX: '10', VISITOR_HASH_SECRET: 'x'.repeat(32) })).toMatchObject({
      TRUST_PROXY: 1,
      VIEW_RATE_LIMIT_MAX: 10,
      VISITOR_HASH_SECRET: 'x'.repeat(32),
    })
    expect(() => parseEnv({ TRUST_PROXY: 'true', VISITOR_HASH_SECRET: 'short', VIEW_RATE_LIMIT_WINDOW_SECONDS: '0' })).toThrow(
      /TRUST_PROXY: must be the number of proxies[\s\S]*VISITOR_HASH_SECRET: must be at least 32 characters[\s\S]*VIEW_RATE_LIMIT_WINDOW_SECONDS: /,
    )
  })

  it('takes SQLite and PostgreSQL URLs with their connection settings, and refuses a PostgreSQL URL without a database', () => {
    expect(parseEnv({ DATABASE_URL: 'postgresql://kb:secret@db.internal:5432/askkb', DATABASE_POOL_SIZE: '4', DATABASE_STATEMENT_TIMEOUT_MS: '5000' })).toMatchObject({
      DATABASE_URL: 'postgresql://kb:secret@db.internal:5432/askkb',
      DATABASE_POOL_SIZE: 4,
      DATABASE_STATEMENT_TIMEOUT_MS: 5000,
    })
    expect(parseEnv({ DATABASE_URL: 'postgres://db/kb' }).DATABASE_URL).toBe('postgres://db/kb')
    expect(() => parseEnv({ DATABASE_URL: 'postgresql://db.internal' })).toThrow(/DATABASE_URL: must be a PostgreSQL URL with a host and a database/)
    expect(() => parseEnv({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/)
  })

  it('accepts a host name, an IPv4 or an IPv6 address to listen on, and nothing else', () => {
    for (const host of ['127.0.0.1', '0.0.0.0', 'localhost', 'ask.example.com', '::', '::1']) expect(parseEnv({ HOSTNAME: host }).HOSTNAME).toBe(host)
    for (const host of ['http://localhost', 'local host', '127.0.0.1:3000', 'a/b']) expect(() => parseEnv({ HOSTNAME: host }), host).toThrow(/HOSTNAME: must be a host name or an IP address/)
  })

  it('names every bad variable', () => {
    expect(() => parseEnv({ PORT: 'eighty', SITE_URL: 'ask.example.com', DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: must start with "file:"[\s\S]*SITE_URL: must be an absolute http\(s\) URL[\s\S]*PORT: /,
    )
  })
})
