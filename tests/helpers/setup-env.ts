import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createPostgresDatabase, onPostgres } from '@/tests/helpers/test-database'

// Modules that use the process-wide client (lib/db `db()`) get a private, not-yet-migrated database per test
// file: a SQLite file not yet created, or an empty PostgreSQL database (dropped with the cluster).
process.env.DATABASE_URL = onPostgres
  ? (await createPostgresDatabase({ migrated: false })).url
  : `file:${path.join(mkdtempSync(path.join(tmpdir(), 'ask-kb-env-')), 'kb.db')}`
process.env.SITE_URL ??= 'http://localhost:3000'
