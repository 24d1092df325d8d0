import http from 'node:http'
import { expect, test } from '@playwright/test'

// The view API against the real server (`next start`), where the client address comes from the socket.
const slug = 'how-does-the-alvh-hedge-actually-respond-when-vix-term-structure-flattens-below-35-or-goes-into-backwardation'

test.describe('view API', () => {
  test('refuses what another site or a careless script sends, and counts none of it', async ({ request, baseURL }) => {
    const views = async () => ((await (await request.get(`/api/views?slug=${slug}`)).json()) as { views: number }).views
    const before = await views()
    const body = JSON.stringify({ slug })
    const post = (headers: Record<string, string>, data: string = body) => request.post('/api/views', { headers: { 'content-type': 'application/json', ...headers }, data })
    const refusals: [Promise<{ status(): number }>, number][] = [
      [post({ 'content-type': 'text/plain' }), 415],
      [post({ origin: 'https://evil.example' }), 403],
      [post({ origin: `${baseURL}`, 'sec-fetch-site': 'cross-site' }), 403],
      [post({}, JSON.stringify({ slug, padding: 'x'.repeat(2048) })), 413],
      [post({}, JSON.stringify({ slug: '../etc' })), 400],
      [post({}, 'nonsense'), 400],
      [post({}, JSON.stringify({ slug: 'no-such-answer' })), 404],
    ]
    for (const [response, status] of refusals) expect((await response).status()).toBe(status)
    expect(await views()).toBe(before)
  })

  test('X-Forwarded-For does not make a client a new visitor (no proxy is trusted)', async ({ request }) => {
    // An answer no other test visits: every test's client is the one network 127.0.0.1, which counts at most 3
    // times a day per answer.
    const otherSlug = 'what-does-the-vvix-tell-you-about-the-cost-of-vix-hedges'
    const userAgent = `ask-kb-e2e-forwarded/${Date.now()}`
    const post = (address: string) =>
      request.post('/api/views', { headers: { 'user-agent': userAgent, 'x-forwarded-for': address, 'x-ask-kb-peer-address': address }, data: { slug: otherSlug } })
    const first = (await (await post('203.0.113.1')).json()) as { views: number; counted: boolean }
    expect(first.counted).toBe(true)
    expect(await (await post('203.0.113.2')).json()).toEqual({ views: first.views, counted: false })
  })

  test('answers an endless upload with 413 after the first kilobyte and closes the connection', async ({ baseURL }) => {
    const url = new URL(baseURL ?? '')
    const chunk = Buffer.alloc(64 * 1024, 0x20)
    const started = performance.now()
    // Chunked, so no Content-Length warns the server. 2 MB first, then nothing until the server answers: a server
    // that waited for the whole body would never answer.
    const request = http.request({ host: url.hostname, port: url.port, path: '/api/views', method: 'POST', headers: { 'content-type': 'application/json' } })
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.on('response', (res) => {
        let body = ''
        res.on('data', (data: Buffer) => (body += data.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      })
      request.on('error', reject)
    })
    for (let sent = 0; sent < 2 * 1024 * 1024; sent += chunk.length) request.write(chunk)
    const answer = await response
    const elapsed = performance.now() - started
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toEqual({ error: 'request body is larger than 1024 bytes' })
    expect(elapsed).toBeLessThan(5000)
    // The server closed the connection: writing the other 48 MB fails long before it is all sent.
    let written = 0
    const closed = await new Promise<boolean>((resolve) => {
      request.on('error', () => resolve(true))
      request.on('close', () => resolve(true))
      const pump = () => {
        while (written < 48 * 1024 * 1024) {
          written += chunk.length
          if (!request.write(chunk)) return void request.once('drain', pump)
        }
        resolve(false)
      }
      pump()
    })
    expect(closed).toBe(true)
    expect(written).toBeLessThan(48 * 1024 * 1024)
    console.info(`endless upload: 413 after ${elapsed.toFixed(0)} ms; the closed connection took ${(written / 1024 / 1024).toFixed(1)} MB more into buffers`)
  })
})
