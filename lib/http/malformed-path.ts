/**
 * True when some segment of a raw URL path cannot be percent-decoded (a lone `%`, `%zz`, a truncated or overlong
 * UTF-8 sequence, an encoded surrogate). Next's router throws on such a segment in a dynamic route and, with no
 * Pages Router error page to render, answers 500.
 */
export function hasMalformedPercentEncoding(rawPath: string): boolean {
  if (!rawPath.includes('%')) return false
  for (const segment of rawPath.split('/')) {
    try {
      decodeURIComponent(segment)
    } catch {
      return true
    }
  }
  return false
}
