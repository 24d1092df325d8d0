import { deployMigrations } from '@/lib/migrate/migrations'
import { ingestContent } from '@/lib/content/ingest'
import { createDb } from '@/lib/db'
import { env } from '@/lib/env'
import { peerAddressHeader, peerAddressValue } from '@/lib/http/client-address'
import { writeContentDir } from '@/tests/helpers/content-dir'
import { searchCorpus } from '@/tests/helpers/search-corpus'

/** Migrates the process-wide test database and ingests the search corpus (tests/helpers/search-corpus.ts). */
export async function seedSearchCorpus(): Promise<void> {
  await deployMigrations({ databaseUrl: env.DATABASE_URL })
  const db = createDb(env.DATABASE_URL)
  const report = await ingestContent({ contentDir: writeContentDir(searchCorpus), db, write: true })
  await db.$disconnect()
  if (report.problems.length > 0) throw new Error(`search corpus has problems: ${JSON.stringify(report.problems)}`)
}

/** GET /api/search with a raw query string, from `address` as the peer-address hook would report it. */
export function searchGet(query: string, address = '203.0.113.9', method = 'GET'): Request {
  return new Request(`${new URL(env.SITE_URL).origin}/api/search?${query}`, { method, headers: { [peerAddressHeader]: peerAddressValue(address), accept: 'application/json' } })
}
