import { NextResponse, type NextRequest } from 'next/server'
import { env } from '@/lib/env'
import { badRequestPage } from '@/lib/http/bad-request-page'
import { hasMalformedPercentEncoding } from '@/lib/http/malformed-path'

const page = badRequestPage({ https: new URL(env.SITE_URL).protocol === 'https:' })

/** Answers 400 for a path that cannot be percent-decoded, before Next's router turns it into a 500. */
export function proxy(request: NextRequest) {
  if (!hasMalformedPercentEncoding(request.nextUrl.pathname)) return NextResponse.next()
  return new NextResponse(page.html, {
    status: 400,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': page.policy },
  })
}

// Only paths with a percent sign run this at all, so the cached pages are served without it.
export const config = { matcher: '/:path(.*%.*)' }
