import http from 'node:http'

export interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  /** The body as sent: fetch would decompress it and pick encodings of its own. */
  body: Buffer
}

export interface RawRequest {
  method?: string
  headers?: Record<string, string>
  body?: string
  /** The client's own address, e.g. 127.0.0.7: every 127.x.y.z is this machine, so a test can be many clients. */
  localAddress?: string
}

/** One HTTP/1.1 request on a connection of its own, exactly as given (no default headers beyond Host). */
export function rawRequest(url: string, request: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, { method: request.method ?? 'GET', headers: request.headers, agent: false, localAddress: request.localAddress }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }))
      response.on('error', reject)
    })
    outgoing.setTimeout(15_000, () => outgoing.destroy(new Error(`no answer from ${url} within 15 s`)))
    outgoing.on('error', reject)
    outgoing.end(request.body)
  })
}
