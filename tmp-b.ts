import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ingestContent } from '@/lib/content/ingest'
import { applyPragmas, createDb } from '@/lib/db'
import { deployMigrations } from '@/lib/migrate/migrations'
import { benchTerms, writeAnswers, writeGlossary } from './bench/generate'
const dir = mkdtempSync(path.join(tmpdir(), 'b-'))
writeAnswers(dir, 1000); writeGlossary(dir, benchTerms)
const url = `file:${path.join(dir, 'x.db')}`
await deployMigrations({ databaseUrl: url })
const db = createDb(url); await applyPragmas(db)
const t = performance.now()
await ingestContent({ contentDir: dir, db, write: true, onProgress: (d, n) => { if (d === 1) console.log('first compile at', (performance.now() - t).toFixed(0)); if (d === n) console.log('compiled at', (performance.now() - t).toFixed(0)) } })
console.log('total', (performance.now() - t).toFixed(0))
