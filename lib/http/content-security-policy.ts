import { createHash } from 'node:crypto'

// Raw-text elements end at the first `</script>` / `</style>`: React escapes that sequence inside their contents.
const inlineElement = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi
const hasSrc = /\ssrc\s*=/i

export interface InlineHashes {
  scripts: string[]
  styles: string[]
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

/** CSP source expressions for every inline `<script>` and `<style>` in a document, in order, without repeats. */
export function hashInlineElements(html: string): InlineHashes {
  const scripts = new Set<string>()
  const styles = new Set<string>()
  for (const [, tag = '', attributes = '', body = ''] of html.matchAll(inlineElement)) {
    if (tag.toLowerCase() === 'style') styles.add(sha256(body))
    else if (!hasSrc.test(attributes)) scripts.add(sha256(body))
  }
  return { scripts: [...scripts], styles: [...styles] }
}

/**
 * The policy of an HTML page: scripts and styles only from this origin or matching a hash of the page's own inline
 * elements, so an injected inline script or a script from elsewhere does not run. No 'unsafe-inline', no nonce
 * (a nonce would make every page dynamic).
 */
export function documentPolicy(hashes: InlineHashes, options: { https: boolean }): string {
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...hashes.scripts].join(' '),
    ['style-src', "'self'", ...hashes.styles].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ')
}

/** The policy of everything that is not a page (scripts, styles, fonts, JSON): it may load nothing and not be framed. */
export const resourcePolicy = "default-src 'none'; frame-ancestors 'none'"
