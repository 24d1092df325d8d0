import { describe, expect, it } from 'vitest'
import { defaultBackupPath } from '@/lib/backup/backup-file'
import { parseBackupArgs, parseRestoreArgs } from '@/lib/backup/cli-args'

describe('db:backup arguments', () => {
  it('takes an optional --out=FILE and nothing else', () => {
    expect(parseBackupArgs([])).toEqual({ ok: true, args: {} })
    expect(parseBackupArgs(['--out=/tmp/a b.db'])).toEqual({ ok: true, args: { out: '/tmp/a b.db' } })
    expect(parseBackupArgs(['--out'])).toEqual({ ok: false, message: '--out needs a file name: --out=FILE' })
    expect(parseBackupArgs(['--out='])).toEqual({ ok: false, message: '--out needs a file name: --out=FILE' })
    expect(parseBackupArgs(['backups/x.db'])).toEqual({ ok: false, message: 'db:backup takes no file argument; name the output with --out=FILE' })
    expect(parseBackupArgs(['--output=x'])).toEqual({ ok: false, message: 'unknown option --output; usage: npm run db:backup [-- --out=FILE]' })
  })
})

describe('db:restore arguments', () => {
  it('takes exactly one file and an optional --yes, in any order', () => {
    expect(parseRestoreArgs(['b.db'])).toEqual({ ok: true, args: { file: 'b.db', yes: false } })
    expect(parseRestoreArgs(['--yes', 'b.db'])).toEqual({ ok: true, args: { file: 'b.db', yes: true } })
    const usage = 'db:restore needs exactly one backup file: npm run db:restore FILE [-- --yes]'
    expect(parseRestoreArgs([])).toEqual({ ok: false, message: usage })
    expect(parseRestoreArgs(['a.db', 'b.db'])).toEqual({ ok: false, message: usage })
    expect(parseRestoreArgs(['b.db', '--yes=no'])).toEqual({ ok: false, message: '--yes takes no value' })
    expect(parseRestoreArgs(['b.db', '--yse'])).toEqual({ ok: false, message: 'unknown option --yse; usage: npm run db:restore FILE [-- --yes]' })
  })
})

describe('default backup file', () => {
  it('is backups/<provider>-<UTC time, no colons>.<ext>', () => {
    const now = new Date('2026-12-02T16:24:08.513Z')
    expect(defaultBackupPath('sqlite', now)).toBe('backups/sqlite-2026-12-02T16-24-08Z.db')
    expect(defaultBackupPath('postgresql', now)).toBe('backups/postgresql-2026-12-02T16-24-08Z.dump')
  })
})
