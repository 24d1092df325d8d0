import { getAnswer, listPrerenderedAnswerSlugs } from '@/lib/data/answers'
import { renderCard } from '@/lib/og/card'
import { parseSlugParam } from '@/lib/schemas/route-params'
import { site } from '@/lib/site'

// Cached like the answer page: the cards of the same answers are rendered at build, any other on its first
// request; each is rendered again only when its 5 minutes are up.
export const revalidate = 300

export async function generateStaticParams() {
  return (await listPrerenderedAnswerSlugs()).map((slug) => ({ slug }))
}

/** The answer's Open Graph card (1200x630 PNG): title, category and site name. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const slug = parseSlugParam((await params).slug)
  const answer = slug ? await getAnswer(slug) : null
  if (!answer) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  return renderCard({
    eyebrow: answer.category.name,
    title: answer.title,
    footer: `${new URL(site.url).host}/ask`,
    siteName: site.name,
    publisher: site.publisher,
  })
}
