/** A run of citation text, italic or not: the only markup the styles we use put into a web page reference. */
export interface Segment {
  text: string
  italic: boolean
}

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16))
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10))
    const named = namedEntities[body.toLowerCase()]
    if (named === undefined) throw new Error(`unexpected entity ${entity} in citation output`)
    return named
  })
}

/**
 * citeproc's HTML for one entry (`<div class="csl-entry">…<i>…</i>…</div>`) as segments. Anything but `<i>` is an
 * error rather than something passed on, so the page never renders markup it did not expect.
 */
export function parseCslHtml(html: string): Segment[] {
  const inner = html.trim().replace(/^<div\b[^>]*>/, '').replace(/<\/div>$/, '')
  const segments: Segment[] = []
  let italic = false
  for (const part of inner.split(/(<\/?[a-z][^>]*>)/i)) {
    if (part === '') continue
    if (part.startsWith('<')) {
      if (part === '<i>' && !italic) italic = true
      else if (part === '</i>' && italic) italic = false
      else throw new Error(`unexpected markup ${part} in citation output`)
      continue
    }
    const text = decodeEntities(part)
    const last = segments.at(-1)
    if (last && last.italic === italic) last.text += text
    else segments.push({ text, italic })
  }
  if (italic) throw new Error('unclosed <i> in citation output')
  return segments
}

export const segmentsToText = (segments: readonly Segment[]) => segments.map((segment) => segment.text).join('')

/** HTML-escaped, and ASCII only: characters past U+007F become numeric references (see the page's HTML budget). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"\u{80}-\u{10ffff}]/gu, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : `&#${c.codePointAt(0)};`,
  )
}

export const segmentsToHtml = (segments: readonly Segment[]) =>
  segments.map((segment) => (segment.italic ? `<i>${escapeHtml(segment.text)}</i>` : escapeHtml(segment.text))).join('')
