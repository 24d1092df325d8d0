import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { BackupFailure } from '@/lib/backup/backup-file'
import { prepareRestoreScript } from '@/lib/backup/postgres-archive'
import { findPostgresTools, runPostgresTool, serverMajorOf } from '@/lib/backup/postgres-tools'
import { connectPostgres } from '@/lib/postgres-client'
import type { RestoreOptions, RestoreResult } from '@/lib/backup/restore-result'
import { countPostgresRows, formatCounts, hasContent } from '@/lib/backup/table-counts'
import { redactUrl } from '@/lib/db-url'
import { deployMigrations } from '@/lib/migrate/migrations'
import { migrationsDirs } from '@/lib/migrate/schema-variant.mjs'

/**
 * Empties the public schema (Ask-KB keeps everything there) before the archive's objects are created: a table
 * that only a newer migration made would otherwise survive, and the migration runner would then fail to create
 * it again. Runs in the restore's transaction, so the old objects come back if anything after it fails.
 */
const emptyPublicSchema = `
SET lock_timeout = '30s';
DO $$
DECLARE statement text;
BEGIN
  FOR statement IN
    SELECT format('DROP TABLE IF EXISTS public.%I CASCADE', tablename) FROM pg_tables WHERE schemaname = 'public'
    UNION ALL SELECT format('DROP VIEW IF EXISTS public.%I CASCADE', viewname) FROM pg_views WHERE schemaname = 'public'
    UNION ALL SELECT format('DROP MATERIALIZED VIEW IF EXISTS public.%I CASCADE', matviewname) FROM pg_matviews WHERE schemaname = 'public'
  LOOP EXECUTE statement; END LOOP;
  FOR statement IN
    SELECT format('DROP SEQUENCE IF EXISTS public.%I CASCADE', sequencename) FROM pg_sequences WHERE schemaname = 'public'
    UNION ALL SELECT format('DROP TYPE IF EXISTS public.%I CASCADE', typname) FROM pg_type
      WHERE typnamespace = 'public'::regnamespace AND typtype IN ('e', 'd', 'r')
  LOOP EXECUTE statement; END LOOP;
END $$;`

/**
 * Checks the archive and refuses to replace content without `yes`, then replaces the database's objects in one
 * transaction (psql --single-transaction: emptying the schema, then pg_restore's script), so a failure at any
 * point leaves the old data. The migration runner then brings an older backup up to this version's schema.
 */
export async function restorePostgres({ databaseUrl, file, yes, migrationsDir = migrationsDirs.postgresql }: RestoreOptions): Promise<RestoreResult> {
  const client = await connectPostgres(databaseUrl)
  const scratch = mkdtempSync(path.join(tmpdir(), 'ask-kb-restore-'))
  try {
    const tools = findPostgresTools(await serverMajorOf(client))
    const prepared = await prepareRestoreScript(tools, file, scratch, migrationsDir)
    if (!prepared.ok) return { ok: false, message: `${prepared.message}; nothing was changed` }
    const replaced = await countPostgresRows(client)
    if (!yes && hasContent(replaced)) {
      return { ok: false, message: `DATABASE_URL ${redactUrl(databaseUrl)} has content the restore would replace (${formatCounts(replaced)}); run again with --yes to replace it` }
    }
    const psqlArgs = ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1', '--single-transaction', `--command=${emptyPublicSchema}`, `--file=${prepared.script}`]
    await runPostgresTool(tools.psql, psqlArgs, databaseUrl)
    // After the commit: the wasm schema engine cannot join psql's transaction. Failing here leaves the backup's
    // rows at the backup's schema, which the message says.
    const applied = await deployMigrations({ databaseUrl, migrationsDir }).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error)
      throw new BackupFailure(`restored ${file}, but migrating it to this version failed (${reason}): fix that, then run npm run db:migrate`, { cause: error })
    })
    return { ok: true, replaced, counts: await countPostgresRows(client), applied }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
    await client.end().catch(() => {})
  }
}
