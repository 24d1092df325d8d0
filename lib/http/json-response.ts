// The one response shape of the JSON API: a body, or `{ error }` with a status. Never cached, never a stack trace.
const noStore = { 'cache-control': 'no-store' }

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...noStore, ...headers } })
}

export function jsonError(status: number, error: string, headers: Record<string, string> = {}): Response {
  return jsonResponse({ error }, status, headers)
}

/** Runs a handler; an unexpected failure is logged on the server and answers a plain 500 to the client. */
export async function answerOrInternalError(route: string, handle: () => Promise<Response>): Promise<Response> {
  try {
    return await handle()
  } catch (error) {
    console.error(`${route}: unexpected error`, error)
    return jsonError(500, 'internal error')
  }
}
