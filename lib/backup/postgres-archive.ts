import path from 'node:path'
import { describeContentsProblem } from '@/lib/backup/backup-contents'
import { BackupFailure } from '@/lib/backup/backup-file'
import { runPostgresTool, type PostgresTools } from '@/lib/backup/postgres-tools'

const failureOf = (error: unknown) => (error instanceof BackupFailure ? error.message : String(error))

/**
 * Checks a pg_dump archive before anything is touched, and turns it into the SQL script the restore runs:
 * `pg_restore --list` reads its table of contents (our tables present?), the migrations table's rows say which
 * migrations it has (any this version does not know?), and writing the script reads every data block, so a
 * damaged or cut-off file fails here. Returns the problem in one line, or the script's path.
 */
export async function prepareRestoreScript(tools: PostgresTools, file: string, scratchDir: string, migrationsDir: string): Promise<{ ok: true; script: string } | { ok: false; message: string }> {
  let contents: string
  try {
    contents = await runPostgresTool(tools.pgRestore, ['--list', file])
  } catch (error) {
    return { ok: false, message: `${file} is not a readable pg_dump archive (${failureOf(error)})` }
  }
  const tables = [...contents.matchAll(/^\d+; \d+ \d+ TABLE public (\S+) /gm)].map((match) => match[1] ?? '')
  let migrations: string[] = []
  if (tables.includes('_prisma_migrations')) {
    try {
      migrations = finishedMigrations(await runPostgresTool(tools.pgRestore, ['--data-only', '--table=_prisma_migrations', '--file=-', file]))
    } catch (error) {
      return { ok: false, message: `${file} is damaged (${failureOf(error)})` }
    }
  }
  const problem = describeContentsProblem(file, tables, migrations, migrationsDir)
  if (problem) return { ok: false, message: problem }
  const script = path.join(scratchDir, 'restore.sql')
  try {
    // No owners or grants: the roles of the server the backup came from need not exist here.
    await runPostgresTool(tools.pgRestore, ['--no-owner', '--no-privileges', `--file=${script}`, file])
  } catch (error) {
    return { ok: false, message: `${file} is damaged (${failureOf(error)})` }
  }
  return { ok: true, script }
}

/** Migration names from the COPY block of _prisma_migrations: rows finished and not rolled back. */
function finishedMigrations(sql: string): string[] {
  const header = /^COPY public\._prisma_migrations \(([^)]*)\) FROM stdin;$/m.exec(sql)
  if (!header?.[1]) return []
  const columns = header[1].split(',').map((column) => column.trim().replace(/^"|"$/g, ''))
  const at = (name: string) => columns.indexOf(name)
  const rows = sql.slice(header.index + header[0].length + 1).split('\n')
  const names: string[] = []
  for (const row of rows) {
    if (row === '\\.') break
    const fields = row.split('\t')
    if (fields[at('finished_at')] !== '\\N' && fields[at('rolled_back_at')] === '\\N') names.push(fields[at('migration_name')] ?? '')
  }
  return names
}
