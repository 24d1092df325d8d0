import { NextResponse, type NextRequest } from 'next/server'
import { z } from 'zod'
import { getViews, recordView } from '@/lib/data/answers'
import { slugPattern } from '@/lib/slug'

const viewInput = z.object({ slug: z.string().max(200).regex(slugPattern, 'slug must be lower-case letters, digits and hyphens') })
const noStore = { 'cache-control': 'no-store' }

function invalid(error: z.ZodError) {
  return NextResponse.json({ error: error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') }, { status: 400, headers: noStore })
}

/** Counts one view (the client calls this once per browser session) and returns the total. */
export async function POST(request: NextRequest) {
  const parsed = viewInput.safeParse(await request.json().catch(() => null))
  if (!parsed.success) return invalid(parsed.error)
  const views = await recordView(parsed.data.slug)
  if (views === null) return NextResponse.json({ error: 'unknown answer' }, { status: 404, headers: noStore })
  return NextResponse.json({ views }, { headers: noStore })
}

export async function GET(request: NextRequest) {
  const parsed = viewInput.safeParse({ slug: request.nextUrl.searchParams.get('slug') })
  if (!parsed.success) return invalid(parsed.error)
  const views = await getViews(parsed.data.slug)
  if (views === null) return NextResponse.json({ error: 'unknown answer' }, { status: 404, headers: noStore })
  return NextResponse.json({ views }, { headers: noStore })
}
