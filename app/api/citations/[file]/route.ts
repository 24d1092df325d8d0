import { z } from 'zod'
import { citationFile, citationFileTypes } from '@/lib/citations/format-citations'
import { getAnswer } from '@/lib/data/answers'
import { parseSlugParam } from '@/lib/schemas/route-params'

// Downloads are rare and cheap (one query, one format); rendering on request keeps 404s for made-up names off the disk.
export const dynamic = 'force-dynamic'

const extensionParam = z.enum(['bib', 'ris'])

function notFound(): Response {
  return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } })
}

/** `/api/citations/<slug>.bib` (BibTeX) and `/api/citations/<slug>.ris` (RIS), as files to save. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const [, name = '', suffix] = /^(.*)\.([a-z]+)$/.exec((await params).file) ?? []
  const slug = parseSlugParam(name)
  const extension = extensionParam.safeParse(suffix)
  if (!slug || !extension.success) return notFound()
  const answer = await getAnswer(slug)
  if (!answer) return notFound()
  return new Response(citationFile(answer, extension.data), {
    headers: {
      'content-type': citationFileTypes[extension.data],
      'content-disposition': `attachment; filename="${slug}.${extension.data}"`,
      // As long as the answer page's ISR window, so a revised answer's file changes when its page does.
      'cache-control': 'public, max-age=300',
    },
  })
}
