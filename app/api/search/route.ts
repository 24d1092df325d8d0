import { db } from '@/lib/db'
import { answerOrInternalError, jsonError, jsonResponse } from '@/lib/http/json-response'
import { searchAnswers } from '@/lib/search/search'
import { consumeSearchAllowance } from '@/lib/search/search-rate-limit'
import { searchRequestFromParams } from '@/lib/search/search-request'

/**
 * The results the header's search box shows while a visitor types: the same search as /search, as JSON. Any
 * query string gives results or an empty list (search-request.ts is forgiving); only the rate limit refuses.
 */
export async function GET(request: Request): Promise<Response> {
  return answerOrInternalError('GET /api/search', async () => {
    const allowance = await consumeSearchAllowance(request.headers)
    if (allowance === null) return jsonError(503, 'client address unavailable')
    if (!allowance.allowed) return jsonError(429, 'too many searches; try again in a moment', { 'retry-after': String(allowance.retryAfterSeconds) })
    const results = await searchAnswers(await db(), searchRequestFromParams(new URL(request.url).searchParams))
    return jsonResponse(results)
  })
}

function methodNotAllowed(): Response {
  return jsonError(405, 'use GET', { allow: 'GET' })
}

export const POST = methodNotAllowed
export const PUT = methodNotAllowed
export const PATCH = methodNotAllowed
export const DELETE = methodNotAllowed
