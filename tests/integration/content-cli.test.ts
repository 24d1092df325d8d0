import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { answerSource, glossaryEntry, validFields, writeContentDir } from '@/tests/helpers/content-dir'

// The npm scripts' own command (the bundled CLI run by plain node), pointed at temporary content and databases.
function cli(command: 'check' | 'ingest', contentDir: string, databaseFile: string, databaseUrl = `file:${databaseFile}`) {
  const result = spawnSync(process.execPath, ['--conditions=react-server', 'scripts/run-bundled.mjs', 'lib/content/cli.ts', command], {
    env: { ...process.env, CONTENT_DIR: contentDir, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const stackFrame = /^\s+at /m

describe('content CLI', () => {
  it('check validates without creating a database; ingest prints a summary and skips unchanged files next time', () => {
    const dir = writeContentDir({
      'glossary/vix.mdx': glossaryEntry('VIX'),
      'answers/a.mdx': answerSource({ ...validFields, title: '"What does the VIX measure?"' }, 'The VIX measures expected volatility.'),
    })
    const database = path.join(mkdtempSync(path.join(tmpdir(), 'ask-kb-cli-')), 'kb.db')

    const check = cli('check', dir, database)
    expect(check.code).toBe(0)
    expect(check.stdout).toContain('All content is valid.')
    expect(existsSync(database)).toBe(false)

    const first = cli('ingest', dir, database)
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/^1 answers: 1 new, 0 changed, 0 unchanged, 0 unpublished \(\d+\.\d s\)$/m)
    const second = cli('ingest', dir, database)
    expect(second.stdout).toMatch(/^1 answers: 0 new, 0 changed, 1 unchanged, 0 unpublished/m)
    const unchangedCheck = cli('check', dir, database)
    expect(unchangedCheck.code).toBe(0)
    expect(unchangedCheck.stdout).toMatch(/^All content is valid.\n1 answers: 0 new, 0 changed, 1 unchanged, 0 unpublished .*\n1 glossary terms: 0 new, 0 changed, 1 unchanged/m)

    // An edit after the last ingest is checked, not skipped: here it breaks the file.
    writeFileSync(path.join(dir, 'answers/a.mdx'), answerSource({ ...validFields, title: '"What does the VIX measure?"' }, 'Now {broken}.'))
    const edited = cli('check', dir, database)
    expect(edited.code).toBe(1)
    expect(edited.stderr).toContain('answers/a.mdx:9:5 JavaScript expressions in braces are not allowed')
  })

  it('ingest prints every problem as file:line:col and exits 1', () => {
    const dir = writeContentDir({ 'answers/good.mdx': answerSource(validFields, 'Fine.') })
    writeFileSync(path.join(dir, 'answers/bad-date.mdx'), answerSource({ ...validFields, title: '"A second question here?"', publishedAt: '2026-02-30' }, 'Body.'))
    writeFileSync(path.join(dir, 'answers/bad-body.mdx'), answerSource({ ...validFields, title: '"A third question here?"' }, 'Uses {secret} here.'))
    const database = path.join(mkdtempSync(path.join(tmpdir(), 'ask-kb-cli-')), 'kb.db')
    const result = cli('ingest', dir, database)
    expect(result.code).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toEqual([
      `${path.join(dir, 'answers/bad-body.mdx')}:9:6 JavaScript expressions in braces are not allowed; to show a literal brace in text, write \\{ and \\}`,
      `${path.join(dir, 'answers/bad-date.mdx')}:6:14 front matter "publishedAt" 2026-02-30 is not a real calendar date`,
      '',
      '2 problems in 2 files; nothing was written.',
    ])
  })

  it('settings that point at the wrong thing and unexpected failures print one line, never a stack trace', () => {
    const dir = writeContentDir({ 'answers/a.mdx': answerSource(validFields, 'Fine.') })
    const scratch = mkdtempSync(path.join(tmpdir(), 'ask-kb-cli-'))
    const notADatabase = path.join(scratch, 'notes.db')
    writeFileSync(notADatabase, 'plain text, not SQLite')
    const cases = [
      { command: 'ingest' as const, content: dir, database: scratch, expected: `DATABASE_URL file:${scratch} is not a file (it should name a SQLite database file)` },
      { command: 'check' as const, content: dir, database: scratch, expected: `DATABASE_URL file:${scratch} is not a file (it should name a SQLite database file)` },
      { command: 'check' as const, content: path.join(dir, 'answers/a.mdx'), database: path.join(scratch, 'kb.db'), expected: `CONTENT_DIR ${path.join(dir, 'answers/a.mdx')} is not a directory` },
      { command: 'ingest' as const, content: dir, database: notADatabase, expected: 'internal error: file is not a database' },
      { command: 'check' as const, content: dir, database: notADatabase, expected: /^internal error: .*file is not a database/ },
    ]
    for (const { command, content, database, expected } of cases) {
      const result = cli(command, content, database)
      expect(result.code, `${command} ${database}`).toBe(1)
      expect(result.stdout).toBe('')
      expect(result.stderr).not.toMatch(stackFrame)
      const lines = result.stderr.trim().split('\n')
      expect(lines).toHaveLength(1)
      if (typeof expected === 'string') expect(lines[0]).toBe(expected)
      else expect(lines[0]).toMatch(expected)
    }
  })

  it('an invalid setting stops the command with the variable named and no stack trace', () => {
    const dir = writeContentDir({ 'answers/a.mdx': answerSource(validFields, 'Fine.') })
    const result = cli('check', dir, '', 'mysql://localhost/kb')
    expect(result.code).toBe(1)
    expect(result.stderr).not.toMatch(stackFrame)
    expect(result.stderr.trim().split('\n')).toEqual(['Invalid environment configuration:', '  DATABASE_URL: must start with "file:" (SQLite) or "postgresql://"'])
  })
})
