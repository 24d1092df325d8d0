import { serializeJsonLd, type JsonLdNode } from '@/lib/metadata/json-ld'

/** Structured data for search engines. A data block, not a script: the page's CSP does not apply to it. */
export function JsonLd({ data }: { data: JsonLdNode }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />
}
