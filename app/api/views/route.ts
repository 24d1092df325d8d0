import { z } from 'zod'
import { consumeRateLimit, type RateLimitRule } from '@/lib/data/rate-limit'
import { getViews, recordView } from '@/lib/data/views'
import { env } from '@/lib/env'
import { clientAddress, clientNetwork } from '@/lib/http/client-address'
import { answerOrInternalError, jsonError, jsonResponse } from '@/lib/http/json-response'
import { parseJsonBody, readStateChangingRequest, type StateChangingPolicy } from '@/lib/http/state-changing'
import { slugPattern } from '@/lib/slug'

const viewInput = z.object({ slug: z.string().max(200).regex(slugPattern, 'slug must be lower-case letters, digits and hyphens') })

// {"slug": "…"} with a 200-character slug is well under 300 bytes.
const beaconPolicy: StateChangingPolicy = { siteOrigin: new URL(env.SITE_URL).origin, maxBodyBytes: 1024, contentTypes: ['application/json'] }
const viewPostLimit: RateLimitRule = { bucket: 'view-post', limit: env.VIEW_RATE_LIMIT_MAX, windowSeconds: env.VIEW_RATE_LIMIT_WINDOW_SECONDS }

function invalid(error: z.ZodError): Response {
  return jsonError(400, error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '))
}

/**
 * Counts a view (ViewCount posts once per browser session) and returns the total. The server decides what counts:
 * same-site JSON only, one view per visitor per answer per UTC day, and a per-client rate limit.
 */
export async function POST(request: Request): Promise<Response> {
  return answerOrInternalError('POST /api/views', async () => {
    const now = new Date()
    const body = await readStateChangingRequest(request, beaconPolicy)
    // Closing the connection stops an oversized upload instead of draining it.
    if (!body.ok) return jsonError(body.status, body.error, body.status === 413 ? { connection: 'close' } : {})
    const address = clientAddress(request.headers, env.TRUST_PROXY)
    if (address === null) return jsonError(503, 'client address unavailable')
    const network = clientNetwork(address)
    const limit = await consumeRateLimit(viewPostLimit, network, now)
    if (!limit.allowed) return jsonError(429, 'too many view requests; try again later', { 'retry-after': String(limit.retryAfterSeconds) })
    const json = parseJsonBody(body.text)
    if (!json.ok) return jsonError(400, json.error)
    const parsed = viewInput.safeParse(json.value)
    if (!parsed.success) return invalid(parsed.error)
    const result = await recordView(parsed.data.slug, { network, userAgent: request.headers.get('user-agent') ?? '' }, now)
    if (result === null) return jsonError(404, 'unknown answer')
    return jsonResponse(result)
  })
}

export async function GET(request: Request): Promise<Response> {
  return answerOrInternalError('GET /api/views', async () => {
    const parsed = viewInput.safeParse({ slug: new URL(request.url).searchParams.get('slug') })
    if (!parsed.success) return invalid(parsed.error)
    const views = await getViews(parsed.data.slug)
    if (views === null) return jsonError(404, 'unknown answer')
    return jsonResponse({ views })
  })
}

function methodNotAllowed(): Response {
  return jsonError(405, 'use GET or POST', { allow: 'GET, POST' })
}

export const PUT = methodNotAllowed
export const PATCH = methodNotAllowed
export const DELETE = methodNotAllowed
