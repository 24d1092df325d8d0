import { z } from 'zod'
import { citationPlainText, citationTexts } from '@/lib/citations/citation-bodies'
import { citationFile, citationFileTypes } from '@/lib/citations/format-citations'
import { getAnswer } from '@/lib/data/answers'
import { parseSlugParam } from '@/lib/schemas/route-params'

// Requests are rare and cheap (one query, a few ms of formatting); rendering on request keeps 404s for made-up
// names off the disk.
export const dynamic = 'force-dynamic'

const extensionParam = z.enum(['bib', 'ris', 'json', 'txt'])

function notFound(): Response {
  return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } })
}

/**
 * `/api/citations/<slug>.bib` (BibTeX) and `.ris` (RIS) as files to save; `.json`, every format for the style
 * selector; `.txt`, every format under its name, which the page links to for readers without JavaScript.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const [, name = '', suffix] = /^(.*)\.([a-z]+)$/.exec((await params).file) ?? []
  const slug = parseSlugParam(name)
  const extension = extensionParam.safeParse(suffix)
  if (!slug || !extension.success) return notFound()
  const answer = await getAnswer(slug)
  if (!answer) return notFound()
  // As long as the answer page's ISR window, so a revised answer's citations change when its page does.
  const cacheControl = 'public, max-age=300'
  switch (extension.data) {
    case 'json':
      return Response.json(citationTexts(answer), { headers: { 'cache-control': cacheControl } })
    case 'txt':
      return new Response(citationPlainText(answer), {
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': cacheControl },
      })
    default:
      return new Response(citationFile(answer, extension.data), {
        headers: {
          'content-type': citationFileTypes[extension.data],
          'content-disposition': `attachment; filename="${slug}.${extension.data}"`,
          'cache-control': cacheControl,
        },
      })
  }
}
