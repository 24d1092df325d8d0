import { existsSync } from 'node:fs'
import path from 'node:path'
import { IngestNotAppliedError, ingestContent, type IngestReport } from '@/lib/content/ingest'
import { progressPrinter } from '@/lib/content/progress'
import { createDb, providerOf, sqlitePathFromUrl } from '@/lib/db'
import { openMigratedDb } from '@/lib/migrate/migrations'

export type PipelineResult = { ok: true; report: IngestReport } | { ok: false; message: string }

/**
 * The CLI's heavy half, imported only when some file needs work: opens the store as each command needs it and
 * runs the pipeline. Check mode never creates a database: with none yet, everything simply counts as new.
 */
export async function runPipeline(mode: 'check' | 'ingest', contentDir: string, databaseUrl: string): Promise<PipelineResult> {
  // A PostgreSQL database is a server's: it exists (or connecting says why not).
  const exists = providerOf(databaseUrl) === 'postgresql' || existsSync(path.resolve(sqlitePathFromUrl(databaseUrl)))
  const db = mode === 'ingest' ? (await openMigratedDb(databaseUrl)).db : exists ? createDb(databaseUrl) : null
  try {
    const onLockWait = () => console.error('Another ingest is writing the content store; waiting for it to finish (up to 60 s)…')
    const report = await ingestContent({ contentDir, db, write: mode === 'ingest', onProgress: progressPrinter(), onLockWait })
    return { ok: true, report }
  } catch (error) {
    // Valid content that could not be written (another ingest, a locked store): its message is one line.
    if (error instanceof IngestNotAppliedError) return { ok: false, message: error.message }
    throw error
  } finally {
    await db?.$disconnect()
  }
}
