import { ingestContent } from '@/lib/content/ingest'
import { createDb } from '@/lib/db'
import { env } from '@/lib/env'
import { peerAddressHeader, peerAddressValue } from '@/lib/http/client-address'
import { deployMigrations } from '@/lib/migrate/migrations'
import { answerSource, validFields, writeContentDir } from '@/tests/helpers/content-dir'

export const siteOrigin = new URL(env.SITE_URL).origin
export const publicSlug = 'which-answer-gets-the-views'
export const otherSlug = 'which-other-answer-gets-views'
export const draftSlug = 'which-answer-is-a-draft-still'

/** Migrates the process-wide test database (tests/helpers/setup-env.ts) and ingests two answers and a draft. */
export async function seedViewAnswers(): Promise<void> {
  await deployMigrations({ databaseUrl: env.DATABASE_URL })
  const answer = (title: string, extra: Record<string, string> = {}) => answerSource({ ...validFields, title: `"${title}"`, ...extra }, `Body of ${title}.`)
  const dir = writeContentDir({
    'a.mdx': answer('Which answer gets the views?'),
    'b.mdx': answer('Which other answer gets views?'),
    'c.mdx': answer('Which answer is a draft still?', { draft: 'true' }),
  })
  const db = createDb(env.DATABASE_URL)
  const report = await ingestContent({ contentDir: dir, db, write: true })
  await db.$disconnect()
  if (report.problems.length > 0) throw new Error(`seed content has problems: ${JSON.stringify(report.problems)}`)
}

export interface ClientOptions {
  /** What the peer-address hook would have written from the socket. */
  address?: string
  userAgent?: string
  headers?: Record<string, string>
  /** Header names to leave out of the defaults. */
  without?: string[]
}

/** A POST to /api/views as a same-origin browser page sends it, adjusted by `client`. */
export function viewPost(body: BodyInit | null, client: ClientOptions = {}): Request {
  const headers = new Headers({
    'content-type': 'application/json',
    origin: siteOrigin,
    'sec-fetch-site': 'same-origin',
    'user-agent': client.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64) vitest',
    [peerAddressHeader]: peerAddressValue(client.address ?? '203.0.113.7'),
    ...client.headers,
  })
  for (const name of client.without ?? []) headers.delete(name)
  const init: RequestInit & { duplex: 'half' } = { method: 'POST', body, headers, duplex: 'half' }
  return new Request(`${siteOrigin}/api/views`, init)
}

export const slugBody = (slug: string) => JSON.stringify({ slug })

export function viewGet(slug: string): Request {
  return new Request(`${siteOrigin}/api/views?slug=${encodeURIComponent(slug)}`)
}
