import { renderCard } from '@/lib/og/card'
import { site } from '@/lib/site'

// Rendered once at build; nothing on it changes without a rebuild.
export const dynamic = 'force-static'

/** The site-wide Open Graph card, for every page that has no card of its own. */
export async function GET(): Promise<Response> {
  return renderCard({ eyebrow: 'Options and volatility education', title: site.tagline, footer: new URL(site.url).host, siteName: site.name, publisher: site.publisher })
}
