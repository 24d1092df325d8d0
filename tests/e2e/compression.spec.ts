import http from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { expect, test } from '@playwright/test'

// Raw HTTP, as a browser sends it: fetch and Playwright's request API would decompress (and pick encodings).
const alvh = '/ask/how-does-the-alvh-hedge-actually-respond-when-vix-term-structure-flattens-below-35-or-goes-into-backwardation'

function get(url: string, acceptEncoding: string, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }))
    })
    request.on('error', reject)
    request.end()
  })
}

test.describe('compressed responses', () => {
  test('a cached page is sent pre-compressed as brotli or gzip, with its own length, and decodes to the same page', async ({ baseURL }) => {
    const url = `${baseURL}${alvh}`
    const identity = await get(url, 'identity')
    expect(identity.headers['content-encoding']).toBeUndefined()
    const html = identity.body.toString()
    expect(html).toContain('</html>')
    // The first read of a page stores its compressed copies; ask until they are there (they are made off-thread).
    await expect.poll(async () => (await get(url, 'gzip, deflate, br')).headers['content-length'], { timeout: 10_000 }).not.toBeUndefined()

    const br = await get(url, 'gzip, deflate, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(Number(br.headers['content-length'])).toBe(br.body.length)
    expect(br.headers.vary).toMatch(/Accept-Encoding/i)
    expect(brotliDecompressSync(br.body).toString()).toBe(html)
    expect(br.body.length).toBeLessThan(html.length / 4)

    const gz = await get(url, 'br;q=0, gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(Number(gz.headers['content-length'])).toBe(gz.body.length)
    expect(gunzipSync(gz.body).toString()).toBe(html)

    const head = await get(url, 'gzip, deflate, br', 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
  })

  test('everything else is still compressed on the fly: scripts, API answers, 404 pages', async ({ baseURL }) => {
    const page = (await get(`${baseURL}${alvh}`, 'identity')).body.toString()
    const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(page)?.[1] ?? ''
    expect(script).not.toBe('')
    const js = await get(`${baseURL}${script}`, 'gzip, deflate, br')
    expect(js.headers['content-encoding']).toMatch(/^(gzip|br)$/)
    const missing = await get(`${baseURL}/ask/no-such-answer`, 'gzip')
    expect(missing.status).toBe(404)
    expect(missing.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(missing.body).toString()).toContain('</html>')
  })
})
