import { NextResponse, type NextRequest } from 'next/server'
import { env } from '@/lib/env'
import { badRequestPage } from '@/lib/http/bad-request-page'
import { documentPolicy } from '@/lib/http/content-security-policy'
import { hasMalformedPercentEncoding } from '@/lib/http/malformed-path'

const https = new URL(env.SITE_URL).protocol === 'https:'
const page = badRequestPage({ https })

/**
 * Answers 400 for a path that cannot be percent-decoded, before Next's router turns it into a 500; gives the one
 * page rendered per request (/search) a policy with a fresh nonce, since it never passes the page cache that adds
 * the hash-based policy of the other pages. Next reads the nonce from the request's policy and puts it on its
 * own scripts.
 */
export function proxy(request: NextRequest) {
  if (hasMalformedPercentEncoding(request.nextUrl.pathname)) {
    return new NextResponse(page.html, {
      status: 400,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': page.policy },
    })
  }
  if (request.nextUrl.pathname !== '/search') return NextResponse.next()
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))))
  const policy = documentPolicy({ scripts: [`'nonce-${nonce}'`], styles: [] }, { https })
  const headers = new Headers(request.headers)
  headers.set('content-security-policy', policy)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('content-security-policy', policy)
  return response
}

// Only paths with a percent sign and the search page run this at all, so the cached pages are served without it.
export const config = { matcher: ['/:path(.*%.*)', '/search'] }
