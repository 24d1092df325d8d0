import { z } from 'zod'

// The arguments of `npm run db:backup [-- --out=FILE]` and `npm run db:restore FILE [-- --yes]`, checked with zod
// so a typo (`--yse`, `--out` without a file) is one sentence instead of being ignored.

export type BackupArgs = { out?: string }
export type RestoreArgs = { file: string; yes: boolean }

interface SplitArgs {
  positionals: string[]
  options: Record<string, string | true>
}

/** `--name=value` → { name: value }, `--name` → { name: true }, anything else is positional. */
function splitArgs(argv: readonly string[]): SplitArgs {
  const split: SplitArgs = { positionals: [], options: {} }
  for (const arg of argv) {
    const option = /^--([^=]+)(?:=([\s\S]*))?$/.exec(arg)
    if (option?.[1]) split.options[option[1]] = option[2] ?? true
    else split.positionals.push(arg)
  }
  return split
}

const backupSchema = z.object({
  positionals: z.array(z.string()).max(0, { error: 'db:backup takes no file argument; name the output with --out=FILE' }),
  options: z.strictObject({
    out: z.string({ error: '--out needs a file name: --out=FILE' }).min(1, { error: '--out needs a file name: --out=FILE' }).optional(),
  }),
})

const restoreSchema = z.object({
  positionals: z
    .array(z.string().min(1))
    .length(1, { error: 'db:restore needs exactly one backup file: npm run db:restore FILE [-- --yes]' }),
  options: z.strictObject({
    yes: z.literal(true, { error: '--yes takes no value' }).optional(),
  }),
})

/** One line for the first problem; unknown options are named with their dashes. */
function describeIssue(error: z.ZodError, usage: string): string {
  const issue = error.issues[0]
  if (issue?.code === 'unrecognized_keys') return `unknown option ${issue.keys.map((key) => `--${key}`).join(', ')}; usage: ${usage}`
  return issue?.message ?? `invalid arguments; usage: ${usage}`
}

export type Parsed<T> = { ok: true; args: T } | { ok: false; message: string }

export function parseBackupArgs(argv: readonly string[]): Parsed<BackupArgs> {
  const result = backupSchema.safeParse(splitArgs(argv))
  if (!result.success) return { ok: false, message: describeIssue(result.error, 'npm run db:backup [-- --out=FILE]') }
  return { ok: true, args: result.data.options.out === undefined ? {} : { out: result.data.options.out } }
}

export function parseRestoreArgs(argv: readonly string[]): Parsed<RestoreArgs> {
  const result = restoreSchema.safeParse(splitArgs(argv))
  if (!result.success) return { ok: false, message: describeIssue(result.error, 'npm run db:restore FILE [-- --yes]') }
  const [file] = result.data.positionals
  if (file === undefined) return { ok: false, message: 'db:restore needs exactly one backup file' }
  return { ok: true, args: { file, yes: result.data.options.yes === true } }
}
