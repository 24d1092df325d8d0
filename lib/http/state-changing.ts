import { readCappedBody } from './read-capped-body'

/** What a route that changes state (view beacon, question and signup forms) accepts. */
export interface StateChangingPolicy {
  /** The origin browsers load the site from (SITE_URL's origin). */
  siteOrigin: string
  maxBodyBytes: number
  /** Accepted media types, lower-case and without parameters, e.g. `application/json`. */
  contentTypes: readonly string[]
}

export type StateChangingBody =
  | { ok: true; text: string; contentType: string }
  | { ok: false; status: 400 | 403 | 413 | 415; error: string }

// `none` is a navigation the user started (typed URL, bookmark); `same-site` includes sibling subdomains.
const allowedFetchSites = new Set(['same-origin', 'none'])
const declaredLength = /^\d{1,15}$/

/**
 * The checks every state-changing request passes before its body is believed: same origin, an accepted content
 * type, and a body no larger than the cap (enforced while reading). Returns the body as text.
 */
export async function readStateChangingRequest(request: Request, policy: StateChangingPolicy): Promise<StateChangingBody> {
  const refusal = crossSiteRefusal(request.headers, policy.siteOrigin)
  if (refusal) return { ok: false, status: 403, error: refusal }

  const contentType = mediaType(request.headers.get('content-type'))
  if (contentType === null || !policy.contentTypes.includes(contentType)) {
    return { ok: false, status: 415, error: `content type must be ${policy.contentTypes.join(' or ')}` }
  }

  const tooLarge = { ok: false, status: 413, error: `request body is larger than ${policy.maxBodyBytes} bytes` } as const
  const length = request.headers.get('content-length')
  if (length !== null && !declaredLength.test(length)) return { ok: false, status: 400, error: 'invalid Content-Length' }
  if (length !== null && Number(length) > policy.maxBodyBytes) return tooLarge

  const body = await readCappedBody(request.body, policy.maxBodyBytes)
  if (!body.ok) return body.reason === 'too-large' ? tooLarge : { ok: false, status: 400, error: 'request body could not be read' }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body.bytes), contentType }
  } catch {
    return { ok: false, status: 400, error: 'request body is not valid UTF-8' }
  }
}

/**
 * Why a request counts as cross-site, or null. Browsers send `Sec-Fetch-Site` and, on every POST, `Origin`; both
 * must say "this site". A request with neither comes from a non-browser client, which could forge both anyway:
 * it is let through, and the rate limit and de-duplication behind this guard bound what it can do.
 */
export function crossSiteRefusal(headers: Headers, siteOrigin: string): string | null {
  const fetchSite = headers.get('sec-fetch-site')
  if (fetchSite !== null && !allowedFetchSites.has(fetchSite.toLowerCase())) return 'cross-site request refused (Sec-Fetch-Site is not same-origin)'
  const origin = headers.get('origin')
  if (origin !== null && origin !== siteOrigin) return 'cross-site request refused (Origin is not this site)'
  return null
}

/** `application/json; charset=utf-8` → `application/json`; null when absent or empty. */
export function mediaType(header: string | null): string | null {
  const type = header?.split(';', 1)[0]?.trim().toLowerCase()
  return type ? type : null
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; error: string }

export function parseJsonBody(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false, error: 'request body is not valid JSON' }
  }
}
