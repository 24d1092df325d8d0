/** A schema.org node as JSON-LD; `undefined` members are dropped when serialised. */
export type JsonLdValue = string | number | boolean | JsonLdValue[] | { [key: string]: JsonLdValue | undefined }
export type JsonLdNode = { '@type': string; [key: string]: JsonLdValue | undefined }

const unsafeInScript = /[<>&\u2028\u2029]/g

/**
 * The body of a `<script type="application/ld+json">`. `<`, `>` and `&` are written as \u escapes (still the same
 * JSON), so a title containing `</script>` or `<!--` cannot end the element or open a comment.
 */
export function serializeJsonLd(node: JsonLdNode): string {
  return JSON.stringify({ '@context': 'https://schema.org', ...node }).replace(
    unsafeInScript,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
