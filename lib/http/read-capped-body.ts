export type CappedBody = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' | 'unreadable' }

/**
 * Reads a request body chunk by chunk and stops at `maxBytes`: the stream is cancelled as soon as the total passes
 * the cap, so a huge or endless upload is never buffered, whatever Content-Length claimed.
 */
export async function readCappedBody(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<CappedBody> {
  if (!body) return { ok: true, bytes: new Uint8Array(0) }
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>
    try {
      chunk = await reader.read()
    } catch {
      // The client aborted or sent a broken chunked encoding: there is no body to judge.
      return { ok: false, reason: 'unreadable' }
    }
    if (chunk.done) break
    total += chunk.value.byteLength
    if (total > maxBytes) {
      await reader.cancel('request body too large')
      return { ok: false, reason: 'too-large' }
    }
    chunks.push(chunk.value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { ok: true, bytes }
}
