import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ensureNginx } from '@/scripts/scale/nginx-binary'
import { nginxTemplatePath, renderNginxConfig, type NginxConfigOptions } from '@/scripts/scale/nginx-config'
import { startFixtureUpstream, type FixtureAnswer, type FixtureUpstream, type SeenRequest } from '@/tests/helpers/fixture-upstream'
import { nginxInFrontOf, type NginxInFront } from '@/tests/helpers/nginx-in-front'
import { rawRequest } from '@/tests/helpers/raw-http'

const options: NginxConfigOptions = {
  listen: { host: '127.0.0.1', port: 8080 },
  upstreams: [
    { host: '127.0.0.1', port: 3461 },
    { host: '127.0.0.1', port: 3462 },
  ],
  cacheDir: '/tmp/ask-kb-cache',
  microCache: true,
  runsAsRoot: false,
}

describe('renderNginxConfig', () => {
  test('fills every placeholder outside comments and repeats the upstream line per instance', () => {
    const config = renderNginxConfig(options)
    const directives = config.split('\n').filter((line) => !line.trimStart().startsWith('#'))
    expect(directives.join('\n')).not.toContain('{{')
    expect(directives.filter((line) => /^\s*server 127\.0\.0\.1:346[12] max_fails=3 fail_timeout=10s;$/.test(line))).toHaveLength(2)
    expect(config).toContain('listen 127.0.0.1:8080 reuseport;')
    expect(config).toContain('proxy_cache_path /tmp/ask-kb-cache ')
    expect(config).toMatch(/location \/ \{[^}]*proxy_cache ask_kb;/)
    expect(renderNginxConfig({ ...options, microCache: false })).toMatch(/location \/ \{[^}]*proxy_cache off;/)
    expect(config).not.toMatch(/^user /m)
    expect(renderNginxConfig({ ...options, runsAsRoot: true })).toMatch(/^user nobody nogroup;$/m)
  })

  test('refuses bad options and unknown placeholders with one line', () => {
    expect(() => renderNginxConfig({ ...options, upstreams: [] })).toThrow('nginx config: upstreams: needs at least one instance')
    expect(() => renderNginxConfig({ ...options, cacheDir: 'relative/cache' })).toThrow(/^nginx config: cacheDir: must be an absolute path/)
    expect(() => renderNginxConfig({ ...options, listen: { host: 'localhost', port: 8080 } })).toThrow(/^nginx config: listen\.host: /)
    const template = readFileSync(nginxTemplatePath, 'utf8')
    expect(() => renderNginxConfig(options, `${template}\n{{WORKERS}}\n`)).toThrow('nginx config: unknown placeholder {{WORKERS}} in the template')
    expect(() => renderNginxConfig(options, template.replace(/^\s*server \{\{UPSTREAM\}\}.*$/m, ''))).toThrow('exactly one {{UPSTREAM}} line (found 0)')
  })

  test('nginx -t accepts the rendered configuration, with and without the cache', () => {
    const prefix = mkdtempSync(path.join(tmpdir(), 'ask-kb-nginx-t-'))
    // -t opens the pid file and creates the temp folders, as startNginx prepares them
    for (const folder of ['logs', 'temp']) mkdirSync(path.join(prefix, folder))
    try {
      for (const microCache of [true, false]) {
        const file = path.join(prefix, `nginx-${microCache}.conf`)
        writeFileSync(file, renderNginxConfig({ ...options, microCache, cacheDir: path.join(prefix, 'cache'), runsAsRoot: process.getuid?.() === 0 }))
        const result = spawnSync(ensureNginx(), ['-t', '-p', `${prefix}/`, '-c', file, '-e', path.join(prefix, 'error.log')], { encoding: 'utf8' })
        expect(result.stderr).toContain('test is successful')
        expect(result.status).toBe(0)
      }
    } finally {
      rmSync(prefix, { recursive: true, force: true })
    }
  })
})

// What nginx does with the headers a response or request carries, against a server that sends exactly those.
describe('deploy/nginx.conf in front of an upstream', () => {
  let upstream: FixtureUpstream
  let front: NginxInFront
  const reached = (url: string) => upstream.seen.filter((request) => request.url === url).length
  const cacheable = { 'cache-control': 's-maxage=60, stale-while-revalidate=600', 'content-type': 'text/html' }

  function answer(request: SeenRequest): FixtureAnswer {
    const url = new URL(request.url, 'http://upstream')
    if (url.pathname.startsWith('/no-cache-control')) return { body: 'no caching said' }
    if (url.pathname.startsWith('/sets-cookie')) return { headers: { ...cacheable, 'set-cookie': 'session=1; HttpOnly' }, body: 'personal' }
    if (url.pathname.startsWith('/encoded')) {
      const accepted = String(request.headers['accept-encoding'] ?? '')
      const encoding = accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : 'identity'
      // /encoded-without-vary: an upstream that forgets Vary must not get a client the wrong encoding either.
      const headers: Record<string, string> = url.pathname === '/encoded' ? { ...cacheable, vary: 'Accept-Encoding' } : { ...cacheable }
      if (encoding !== 'identity') headers['content-encoding'] = encoding
      return { headers, body: `body in ${encoding}` }
    }
    if (url.pathname.startsWith('/echo')) return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(request.headers) }
    return { headers: cacheable, body: `page ${url.pathname}` }
  }

  beforeAll(async () => {
    upstream = await startFixtureUpstream(answer)
    front = await nginxInFrontOf([upstream.port], { microCache: true })
  })
  afterAll(async () => {
    await front?.close()
    await upstream?.close()
  })

  test('a response with s-maxage is served from the cache the second time', async () => {
    const first = await rawRequest(`${front.origin}/ask/cached`)
    const second = await rawRequest(`${front.origin}/ask/cached`)
    expect([first.headers['x-cache-status'], second.headers['x-cache-status']]).toEqual(['MISS', 'HIT'])
    expect(second.body.toString()).toBe('page /ask/cached')
    expect(reached('/ask/cached')).toBe(1)
  })

  test('nothing is cached without Cache-Control, under /api/, with Set-Cookie, or for a request with a cookie or credentials', async () => {
    const twice = async (url: string, headers: Record<string, string> = {}) => {
      for (let i = 0; i < 2; i++) expect((await rawRequest(`${front.origin}${url}`, { headers })).headers['x-cache-status']).not.toBe('HIT')
      return reached(url)
    }
    expect(await twice('/no-cache-control')).toBe(2)
    expect(await twice('/api/views?slug=a')).toBe(2)
    expect(await twice('/sets-cookie')).toBe(2)
    expect(await twice('/ask/with-cookie', { cookie: 'session=1' })).toBe(2)
    expect(await twice('/ask/with-credentials', { authorization: 'Basic YTpi' })).toBe(2)
    // And what a cookie request fetched was not stored for others either.
    expect((await rawRequest(`${front.origin}/ask/with-cookie`)).headers['x-cache-status']).toBe('MISS')
  })

  test('the cache key follows the accepted encoding: a gzip-only client never gets the brotli copy', async () => {
    const get = async (acceptEncoding: string) => {
      const response = await rawRequest(`${front.origin}/encoded`, { headers: { 'accept-encoding': acceptEncoding } })
      return `${response.headers['content-encoding'] ?? 'identity'} ${response.headers['x-cache-status']}`
    }
    expect(await get('gzip, deflate, br')).toBe('br MISS')
    expect(await get('gzip, deflate, br')).toBe('br HIT')
    expect(await get('gzip, deflate')).toBe('gzip MISS')
    expect(await get('gzip, deflate')).toBe('gzip HIT')
    expect(await get('br;q=0, gzip')).toBe('gzip MISS')
    expect(await get('identity')).toBe('identity MISS')
    // Upstream sees only what the client can take, reduced to the encodings the instances send.
    const sent = upstream.seen.filter((request) => request.url === '/encoded').map((request) => request.headers['accept-encoding'] ?? '')
    expect(sent).toEqual(['br, gzip', 'gzip', 'gzip', ''])
  })

  test('the encoding is part of the cache key itself, so a response without Vary cannot mix them up', async () => {
    const get = async (acceptEncoding: string) =>
      (await rawRequest(`${front.origin}/encoded-without-vary`, { headers: { 'accept-encoding': acceptEncoding } })).headers['content-encoding'] ?? 'identity'
    expect(await get('br, gzip')).toBe('br')
    expect(await get('gzip')).toBe('gzip')
    expect(await get('identity')).toBe('identity')
    expect(await get('br, gzip')).toBe('br')
    expect(reached('/encoded-without-vary')).toBe(3)
  })

  test('the client address, scheme and host reach the upstream as nginx saw them, whatever the client claimed', async () => {
    const response = await rawRequest(`${front.origin}/echo`, {
      localAddress: '127.0.0.9',
      headers: { host: 'ask.example.test', 'x-forwarded-for': '203.0.113.66, 198.51.100.1', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.test', forwarded: 'for=203.0.113.66' },
    })
    const headers = JSON.parse(response.body.toString()) as Record<string, string>
    expect(headers['x-forwarded-for']).toBe('127.0.0.9')
    expect(headers['x-forwarded-proto']).toBe('http')
    expect(headers['x-forwarded-host']).toBe('ask.example.test')
    expect(headers.host).toBe('ask.example.test')
    expect(headers.forwarded).toBeUndefined()
  })

  test('connections to the upstream are kept alive and reused', async () => {
    const before = upstream.connections()
    for (let i = 0; i < 20; i++) await rawRequest(`${front.origin}/echo?${i}`)
    // nginx runs one worker per core, each with its own idle connections.
    expect(upstream.connections() - before).toBeLessThanOrEqual(4)
  })
})

describe('deploy/nginx.conf when the upstream is gone', () => {
  test('an expired page is served stale instead of an error', async () => {
    const upstream = await startFixtureUpstream(() => ({ headers: { 'cache-control': 's-maxage=1' }, body: 'last good page' }))
    const front = await nginxInFrontOf([upstream.port], { microCache: true })
    try {
      expect((await rawRequest(`${front.origin}/ask/page`)).headers['x-cache-status']).toBe('MISS')
      await upstream.close()
      // nginx counts validity in whole seconds: s-maxage=1 has surely expired two seconds later.
      await new Promise((resolve) => setTimeout(resolve, 2_200))
      const stale = await rawRequest(`${front.origin}/ask/page`)
      expect(stale.status).toBe(200)
      expect(stale.headers['x-cache-status']).toBe('STALE')
      expect(stale.body.toString()).toBe('last good page')
    } finally {
      await front.close()
    }
  })
})
