import { ImageResponse } from 'next/og'
import { keepRenderable, loadCardFonts } from '@/lib/og/fonts'

export const cardSize = { width: 1200, height: 630 } as const

export interface CardText {
  /** Small line above the title: the answer's category, or what the site is. */
  eyebrow: string
  title: string
  /** Bottom left, e.g. the site's host and path. */
  footer: string
  siteName: string
  publisher: string
}

// Large enough to read when a feed shows the card at ~300 px wide (a quarter of this size): the longest real
// title (115 characters) takes four lines at 56 px.
export function titleFontSize(title: string): number {
  if (title.length <= 50) return 76
  if (title.length <= 80) return 64
  if (title.length <= 130) return 56
  return 48
}

function Card({ eyebrow, title, footer, siteName, publisher, family }: CardText & { family: string }) {
  return (
    <div style={{ width: '100%', height: '100%', display: 'flex', background: '#0f172a', fontFamily: family, color: '#f8fafc' }}>
      <div style={{ width: 16, height: '100%', background: '#0284c7' }} />
      <div style={{ flex: 1, display: 'flex', flexDirection: 'column', padding: '56px 72px 52px 64px' }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 18 }}>
          <div
            style={{ width: 52, height: 52, borderRadius: 12, background: '#0369a1', display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: 34, fontWeight: 700 }}
          >
            ?
          </div>
          <div style={{ fontSize: 34, fontWeight: 700, color: '#e2e8f0' }}>{siteName}</div>
        </div>
        <div style={{ flex: 1, display: 'flex', flexDirection: 'column', justifyContent: 'center' }}>
          <div style={{ fontSize: 28, fontWeight: 700, letterSpacing: 2, textTransform: 'uppercase', color: '#7dd3fc' }}>{eyebrow}</div>
          <div
            style={{ marginTop: 18, fontSize: titleFontSize(title), fontWeight: 700, lineHeight: 1.14, display: 'block', lineClamp: 5, overflow: 'hidden' }}
          >
            {title}
          </div>
        </div>
        <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 26, color: '#94a3b8' }}>
          <div>{footer}</div>
          <div>{publisher}</div>
        </div>
      </div>
    </div>
  )
}

/**
 * A 1200x630 PNG card. Text is limited to what the bundled Inter faces cover; the route that serves it is cached
 * like a page (pre-rendered at build, refreshed every few minutes), so this runs once per answer and revision.
 */
export async function renderCard(text: CardText): Promise<Response> {
  const { fonts, family, covers } = await loadCardFonts()
  const keep = (value: string) => keepRenderable(value, covers)
  const clean: CardText = { eyebrow: keep(text.eyebrow), title: keep(text.title), footer: keep(text.footer), siteName: keep(text.siteName), publisher: keep(text.publisher) }
  const image = new ImageResponse(<Card {...clean} family={family} />, { ...cardSize, fonts })
  // ImageResponse marks its output immutable for a year; this URL keeps its name when the title changes, so the
  // response goes out with the route's own revalidation headers instead.
  return new Response(await image.arrayBuffer(), { headers: { 'content-type': 'image/png' } })
}
