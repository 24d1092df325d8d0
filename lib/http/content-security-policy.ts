import { createHash } from 'node:crypto'

// Raw-text elements end at the first `</script>` / `</style>`: React escapes that sequence inside their contents.
const inlineElement = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi
const hasSrc = /\ssrc\s*=/i

export interface InlineHashes {
  scripts: string[]
  styles: string[]
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

/**
 * CSP source expressions for every inline `<script>` and `<style>` in a document we wrote ourselves (the 400 page),
 * in order, without repeats. Pages Next renders use hashNextInlineScripts.
 */
export function hashInlineElements(html: string): InlineHashes {
  const scripts = new Set<string>()
  const styles = new Set<string>()
  for (const [, tag = '', attributes = '', body = ''] of html.matchAll(inlineElement)) {
    if (tag.toLowerCase() === 'style') styles.add(sha256(body))
    else if (!hasSrc.test(attributes)) scripts.add(sha256(body))
  }
  return { scripts: [...scripts], styles: [...styles] }
}

// Next's own inline scripts in a rendered page, each a fixed call whose only argument is JSON (data, not code):
// the flight bootstrap, flight data chunks and Turbopack's chunk list.
const nextBootstrap = '(self.__next_f=self.__next_f||[]).push([0])'
const jsonCalls = [
  { prefix: 'self.__next_f.push(', isArgument: (value: unknown) => Array.isArray(value) && typeof value[0] === 'number' },
  { prefix: '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(', isArgument: (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value) },
]
const typeAttribute = /\stype\s*=\s*["']?([^"'\s>]*)/i
const executableTypes = new Set(['', 'text/javascript', 'application/javascript', 'module'])

function isNextInlineScript(script: string): boolean {
  // One statement; Turbopack ends its own with a semicolon.
  const body = script.endsWith(';') ? script.slice(0, -1) : script
  if (body === nextBootstrap) return true
  for (const { prefix, isArgument } of jsonCalls) {
    if (!body.startsWith(prefix) || !body.endsWith(')')) continue
    try {
      return isArgument(JSON.parse(body.slice(prefix.length, -1)))
    } catch {
      return false
    }
  }
  return false
}

/**
 * Hashes for a page Next rendered: only Next's own inline scripts (isNextInlineScript), never any other inline
 * script or style in it. Hashing everything would also allow a script injected into the page's HTML on the server,
 * the very thing the policy is there to stop. Data blocks (JSON-LD) are not executed and need no hash.
 * `refused` counts the inline scripts left out, so the cache can report them.
 */
export function hashNextInlineScripts(html: string): InlineHashes & { refused: number } {
  const scripts = new Set<string>()
  let refused = 0
  for (const [, tag = '', attributes = '', body = ''] of html.matchAll(inlineElement)) {
    if (tag.toLowerCase() === 'style') {
      refused++
      continue
    }
    if (hasSrc.test(attributes)) continue
    const type = (typeAttribute.exec(attributes)?.[1] ?? '').toLowerCase()
    if (!executableTypes.has(type)) continue
    if (isNextInlineScript(body)) scripts.add(sha256(body))
    else refused++
  }
  return { scripts: [...scripts], styles: [], refused }
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
    "img-src 'self'",
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
