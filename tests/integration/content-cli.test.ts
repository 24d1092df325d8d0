import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { answerSource, glossaryEntry, validFields, writeContentDir } from '@/tests/helpers/content-dir'

// The npm scripts themselves (tsx, the real CLI), pointed at temporary content and databases.
function cli(command: 'check' | 'ingest', contentDir: string, databaseFile: string) {
  const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'lib/content/cli.ts', command], {
    env: { ...process.env, CONTENT_DIR: contentDir, DATABASE_URL: `file:${databaseFile}` },
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

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
})
