import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

// Modules that use the process-wide client (lib/db `db()`) get a private, not-yet-created database per test file.
process.env.DATABASE_URL = `file:${path.join(mkdtempSync(path.join(tmpdir(), 'ask-kb-env-')), 'kb.db')}`
process.env.SITE_URL ??= 'http://localhost:3000'
