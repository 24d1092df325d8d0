import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// scripts/run-bundled.mjs is how every npm script runs its TypeScript: a stale bundle would run old code.
const root = process.cwd()
const scratch = path.join(root, '.cache', `run-bundled-test-${process.pid}`)
const entry = path.relative(root, path.join(scratch, 'entry.ts'))

function launch(...args: string[]) {
  const result = spawnSync(process.execPath, ['--conditions=react-server', 'scripts/run-bundled.mjs', entry, ...args], { encoding: 'utf8', timeout: 60_000 })
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() }
}

describe('scripts/run-bundled.mjs', () => {
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true })
    const bundles = path.join(root, '.cache', 'bundles')
    const name = entry.replace(/\.ts$/, '').replace(/[^a-zA-Z0-9]+/g, '-')
    for (const file of readdirSync(bundles)) if (file.startsWith(name)) rmSync(path.join(bundles, file), { recursive: true, force: true })
  })

  it('rebuilds when the entry or a module it imports changes, and passes the arguments through', () => {
    mkdirSync(scratch, { recursive: true })
    writeFileSync(path.join(scratch, 'greeting.ts'), `export const greeting: string = 'hello'\n`)
    writeFileSync(path.join(scratch, 'entry.ts'), `import { greeting } from './greeting'\nconsole.log(greeting, process.argv.slice(2).join(','))\n`)
    expect(launch('a', 'b')).toEqual({ code: 0, stdout: 'hello a,b', stderr: '' })
    writeFileSync(path.join(scratch, 'greeting.ts'), `export const greeting: string = 'changed'\n`)
    expect(launch().stdout).toBe('changed')
    writeFileSync(path.join(scratch, 'entry.ts'), `import { greeting } from './greeting'\nconsole.log(greeting.toUpperCase())\n`)
    expect(launch().stdout).toBe('CHANGED')
  })

  it('reports a source that does not bundle, an error while loading and a stray rejection in one line each', () => {
    mkdirSync(scratch, { recursive: true })
    writeFileSync(path.join(scratch, 'entry.ts'), `import { missing } from './nowhere'\nconsole.log(missing)\n`)
    const broken = launch()
    expect(broken.code).toBe(1)
    expect(broken.stderr).toBe(`internal error: cannot bundle ${entry}: ${entry}:1:25 Could not resolve "./nowhere"`)

    writeFileSync(path.join(scratch, 'entry.ts'), `throw new Error('Invalid setting:\\n  X: must be set')\n`)
    expect(launch()).toEqual({ code: 1, stdout: '', stderr: 'Invalid setting:\n  X: must be set' })

    writeFileSync(path.join(scratch, 'entry.ts'), `setTimeout(() => void Promise.reject(new Error('late\\n    at somewhere (file.ts:1:1)')), 1)\n`)
    expect(launch()).toEqual({ code: 1, stdout: '', stderr: 'internal error: late' })
  })
})
