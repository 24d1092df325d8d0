// Keys whose values are addresses in the JSON-LD we emit ('@context' is schema.org's, not ours).
const urlKeys = new Set(['@id', 'url', 'item', 'image', 'sameAs', 'logo'])

/**
 * Every address in a JSON-LD document: values of address keys, and any other string that looks like one (a scheme
 * or a leading slash), so a relative or foreign URL anywhere is caught.
 */
export function jsonLdUrls(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return urlKeys.has(key) || /^([a-z][a-z0-9+.-]*:|\/)/i.test(value) ? [value] : []
  if (Array.isArray(value)) return value.flatMap((item) => jsonLdUrls(item, key))
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([childKey, child]) => (childKey === '@context' ? [] : jsonLdUrls(child, childKey)))
  }
  return []
}

/** The addresses that are not absolute URLs under the site's origin (and path). */
export function urlsOutsideSite(value: unknown, siteUrl: string): string[] {
  return jsonLdUrls(value).filter((url) => !(url === `${siteUrl}/` || url.startsWith(`${siteUrl}/`)))
}
