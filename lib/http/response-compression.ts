// Compression of every response, done here instead of by Next (next.config `compress: false`), so that a cached
// page can go out pre-compressed. Next's own middleware gzips the same cached HTML again on every request: ~0.5 ms
// of CPU for a 66 KB page, which bounded the answer page at ~1,000 req/s with a browser's headers (bench).
import { subscribe } from 'node:diagnostics_channel'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import { chooseEncoding, type PrecompressedPages } from './precompressed-pages'

// CommonJS modules of Next's: the compression middleware `next start` uses, and its fix for aborted responses.
const require = createRequire(import.meta.url)
type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void
const compression = require('next/dist/compiled/compression') as () => Middleware
const { releaseCompressionStream } = require('next/dist/server/lib/release-compression-stream.js') as { releaseCompressionStream: (res: ServerResponse) => void }

let installed = false

/**
 * Node publishes `http.server.request.start` for each request just before Next's listener sees it. There every
 * response gets Next's usual compression middleware, and around it one check: when Next ends the response with a
 * page's HTML that `pages` holds compressed, the stored bytes are sent with their Content-Encoding and length
 * (the middleware then leaves an encoded body alone). Everything else is compressed on the fly as before.
 */
export function installResponseCompression(pages: PrecompressedPages): void {
  if (installed) return
  installed = true
  const compress = compression()
  subscribe('http.server.request.start', (message) => {
    const { request, response } = message as { request?: IncomingMessage; response?: ServerResponse }
    if (!request || !response) return
    compress(request, response, () => {})
    // On a client disconnect the middleware never ends its zlib stream (as in Next's router-server).
    response.once('close', () => {
      if (!response.writableFinished) releaseCompressionStream(response)
    })
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk === 'string' && !response.headersSent && request.method !== 'HEAD') {
        const variants = pages.get(chunk)
        const encoding = variants ? chooseEncoding(request.headers['accept-encoding']) : null
        if (variants && encoding) {
          const body = variants[encoding]
          response.setHeader('Content-Encoding', encoding)
          response.setHeader('Content-Length', body.length)
          return end(body, ...rest)
        }
      }
      return end(chunk, ...rest)
    }) as ServerResponse['end']
  })
}
