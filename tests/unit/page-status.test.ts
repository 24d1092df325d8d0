import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { choosePageStatus, installPageStatusHook, requestIdHeader } from '@/lib/http/page-status'

// A real Node server with the hook installed, standing in for `next start`: the handler plays the page, which
// may ask for a status from its request headers, then writes its 200 as Next would.

let server: Server
let base: string

beforeAll(async () => {
  installPageStatusHook(['/search'])
  server = createServer((request, response) => {
    const headers = new Headers(Object.entries(request.headers).map(([name, value]): [string, string] => [name, String(value)]))
    const url = new URL(request.url ?? '/', 'http://x')
    const asked = url.searchParams.has('limited') ? choosePageStatus(headers, 429, { 'retry-after': '17' }) : false
    response.setHeader('x-asked', String(asked))
    response.statusCode = url.searchParams.has('missing') ? 404 : 200
    response.end('the page body')
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('page status hook', () => {
  it('sends the status and headers a watched page asked for, with its body', async () => {
    const response = await fetch(`${base}/search?q=x&limited`)
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('17')
    expect(response.headers.get('x-asked')).toBe('true')
    expect(await response.text()).toBe('the page body')
  })

  it('leaves other requests alone, and one request’s choice never reaches the next', async () => {
    expect((await fetch(`${base}/search?q=x`)).status).toBe(200)
    const other = await fetch(`${base}/other?limited`)
    expect(other.status).toBe(200)
    expect(other.headers.get('x-asked')).toBe('false')
    // A status other than 200 (here a 404) is the page's own answer and is kept.
    expect((await fetch(`${base}/search?limited&missing`)).status).toBe(404)
  })

  it('ignores an id a client sends itself', async () => {
    const response = await fetch(`${base}/other?limited`, { headers: { [requestIdHeader]: 'guess.1' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-asked')).toBe('false')
    const forged = await fetch(`${base}/search?q=x`, { headers: { [requestIdHeader]: 'guess.1' } })
    expect(forged.status).toBe(200)
  })
})
