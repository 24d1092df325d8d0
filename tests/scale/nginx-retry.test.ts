import { createServer, type AddressInfo, type Server } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { nginxInFrontOf, type NginxInFront } from '@/tests/helpers/nginx-in-front'
import { rawRequest } from '@/tests/helpers/raw-http'

interface CrashingUpstream {
  port: number
  /** `METHOD /path` of every request that reached it. */
  requests: string[]
  server: Server
}

/** Reads one request's head, then drops the connection without answering: an instance dying mid-request. */
function startCrashingUpstream(): Promise<CrashingUpstream> {
  const requests: string[] = []
  const server = createServer((socket) => {
    let head = ''
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1')
      if (!head.includes('\r\n\r\n')) return
      requests.push(head.slice(0, head.indexOf(' HTTP/')))
      socket.destroy()
    })
    socket.on('error', () => {})
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as AddressInfo).port, requests, server })))
}

let crashing: CrashingUpstream[] = []
let front: NginxInFront

beforeAll(async () => {
  crashing = [await startCrashingUpstream(), await startCrashingUpstream()]
  front = await nginxInFrontOf(
    crashing.map((upstream) => upstream.port),
    { microCache: true },
  )
})

afterAll(async () => {
  await front?.close()
  for (const upstream of crashing) upstream.server.close()
})

const attempts = (request: string) => crashing.flatMap((upstream) => upstream.requests).filter((seen) => seen === request).length

// Two instances that both fail after receiving the request: what nginx retries shows in how many saw it.
test('a GET that failed on one instance is retried on the other', async () => {
  const response = await rawRequest(`${front.origin}/ask/some-answer`)
  expect(response.status).toBe(502)
  expect(attempts('GET /ask/some-answer')).toBe(2)
})

test('a POST that reached an instance is never sent again (it may have been acted on)', async () => {
  const body = JSON.stringify({ slug: 'some-answer' })
  const response = await rawRequest(`${front.origin}/api/views`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length) }, body })
  expect(response.status).toBe(502)
  expect(attempts('POST /api/views')).toBe(1)
})
