import 'server-only'
import { consumeRateLimit, type RateLimitDecision, type RateLimitRule } from '@/lib/data/rate-limit'
import { env } from '@/lib/env'
import { clientAddress, clientNetwork } from '@/lib/http/client-address'

// One budget per client for the search page and the JSON the search box reads: a visitor typing on the page and
// in the box spends the same allowance, counted in the database so every instance agrees.
const searchLimit: RateLimitRule = { bucket: 'search', limit: env.SEARCH_RATE_LIMIT_MAX, windowSeconds: env.SEARCH_RATE_LIMIT_WINDOW_SECONDS }

/** Counts one search by the request's client; `null` when the client address is unknown (the hook did not run). */
export async function consumeSearchAllowance(headers: Headers, now = new Date()): Promise<RateLimitDecision | null> {
  const address = clientAddress(headers, env.TRUST_PROXY)
  if (address === null) return null
  return consumeRateLimit(searchLimit, clientNetwork(address), now)
}
