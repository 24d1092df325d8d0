import { resourcePolicy } from './content-security-policy'

export interface HeaderRule {
  source: string
  headers: { key: string; value: string }[]
}

// Features the site never uses; denying them means an injected frame or script cannot ask for them either.
const deniedFeatures = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]

/** Headers every response carries, whatever it is. HSTS only when the public origin is https. */
export function securityHeaders(siteUrl: string): { key: string; value: string }[] {
  return [
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: deniedFeatures.map((feature) => `${feature}=()`).join(', ') },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    ...(new URL(siteUrl).protocol === 'https:' ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
  ]
}

/**
 * Paths that never answer with a page. Pages get their Content-Security-Policy from the page cache
 * (lib/http/page-cache-handler.ts), with the hashes of their own inline scripts; a second policy sent from here
 * would be enforced as well and block those scripts, so the resource policy is limited to these paths.
 */
export const resourcePaths = ['/_next/:path*', '/api/:path*', '/icon.svg', '/og.png', '/ask/:slug/og.png', '/feed.xml', '/sitemap.xml', '/robots.txt']
// One rule for all of them: Next matches every rule against every request (~5 µs each on the answer page).
const resourceSource = '/:path(_next(?:/.*)?|api(?:/.*)?|icon\\.svg|og\\.png|ask/[^/]+/og\\.png|feed\\.xml|sitemap\\.xml|robots\\.txt)'

/** next.config `headers()`: the shared headers everywhere, and the resource policy where no page can answer. */
export function securityHeaderRules(siteUrl: string): HeaderRule[] {
  return [
    { source: '/:path*', headers: securityHeaders(siteUrl) },
    { source: resourceSource, headers: [{ key: 'Content-Security-Policy', value: resourcePolicy }] },
  ]
}
