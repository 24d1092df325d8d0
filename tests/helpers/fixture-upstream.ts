import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SeenRequest {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
}

export interface FixtureAnswer {
  status?: number
  headers?: Record<string, string>
  body?: string | Buffer
}

export interface FixtureUpstream {
  port: number
  /** Every request that reached this server, in order. */
  seen: SeenRequest[]
  /** TCP connections opened to it (nginx reuses kept-alive ones). */
  connections: () => number
  close: () => Promise<void>
}

/**
 * A plain HTTP server standing in for an instance where a test needs to choose the exact response headers
 * (Cache-Control, Set-Cookie, Content-Encoding) that nginx's configuration must react to.
 */
export function startFixtureUpstream(answer: (request: SeenRequest) => FixtureAnswer): Promise<FixtureUpstream> {
  const seen: SeenRequest[] = []
  let connections = 0
  const server = http.createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      const record = { method: request.method ?? '', url: request.url ?? '', headers: request.headers }
      seen.push(record)
      const { status = 200, headers = {}, body = 'ok' } = answer(record)
      response.writeHead(status, { 'content-length': String(Buffer.byteLength(body)), ...headers })
      response.end(body)
    })
  })
  server.on('connection', () => connections++)
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        seen,
        connections: () => connections,
        close: () => new Promise((done) => {
          server.closeAllConnections()
          server.close(() => done())
        }),
      })
    })
  })
}
