import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildKeepingLastGood, type BuildRun } from '@/scripts/build-site'
import { nextBin } from '@/scripts/next-server'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function tempDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ask-kb-build-site-'))
  dirs.push(dir)
  return path.join(dir, '.next')
}

function writeBuild(distDir: string, id: string): void {
  mkdirSync(path.join(distDir, 'server'), { recursive: true })
  writeFileSync(path.join(distDir, 'BUILD_ID'), id)
  writeFileSync(path.join(distDir, 'server', 'page.html'), `<p>${id}</p>`)
}

const failingBuild = (distDir: string) => (): BuildRun => {
  // Next empties the dist dir first and dies half-way through writing the new one.
  rmSync(distDir, { recursive: true, force: true })
  mkdirSync(path.join(distDir, 'server'), { recursive: true })
  writeFileSync(path.join(distDir, 'server', 'half-written.js'), '')
  return { status: 1, output: readFileSync('tests/fixtures/next-build/prerender-error.txt', 'utf8') }
}

const listing = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort()

describe('buildKeepingLastGood', () => {
  it('puts the previous build back, byte for byte, when the build fails, and says which page failed', () => {
    const distDir = tempDist()
    writeBuild(distDir, 'good')
    const before = listing(distDir)
    const outcome = buildKeepingLastGood(distDir, failingBuild(distDir))
    expect(outcome).toMatchObject({ ok: false, servingPrevious: true, summary: expect.stringMatching(/^page \/tags\/alvh: Expected component `Term`/) })
    expect(readFileSync(path.join(distDir, 'BUILD_ID'), 'utf8')).toBe('good')
    expect(readFileSync(path.join(distDir, 'server', 'page.html'), 'utf8')).toBe('<p>good</p>')
    expect(listing(distDir)).toEqual([...before, 'build-failure.log'].sort())
    expect(readdirSync(path.dirname(distDir))).toEqual(['.next'])
  })

  it('reports that there is nothing to serve when the first build fails', () => {
    const distDir = tempDist()
    const outcome = buildKeepingLastGood(distDir, failingBuild(distDir))
    expect(outcome).toMatchObject({ ok: false, servingPrevious: false })
    expect(listing(distDir)).toEqual(['build-failure.log'])
  })

  it('keeps a successful build and drops the previous one', () => {
    const distDir = tempDist()
    writeBuild(distDir, 'old')
    const outcome = buildKeepingLastGood(distDir, () => {
      writeBuild(distDir, 'new')
      return { status: 0, output: 'built' }
    })
    expect(outcome).toEqual({ ok: true, log: path.join(distDir, 'build.log') })
    expect(readFileSync(path.join(distDir, 'BUILD_ID'), 'utf8')).toBe('new')
    expect(readdirSync(path.dirname(distDir))).toEqual(['.next'])
  })

  it('recovers the last good build left aside by a start that was killed mid-build', () => {
    const distDir = tempDist()
    writeBuild(`${distDir}.last-good`, 'good')
    mkdirSync(distDir)
    const outcome = buildKeepingLastGood(distDir, failingBuild(distDir))
    expect(outcome).toMatchObject({ ok: false, servingPrevious: true })
    expect(readFileSync(path.join(distDir, 'BUILD_ID'), 'utf8')).toBe('good')
  })

  it('survives a real failing `next build` of a page that throws, naming the page', { timeout: 240_000 }, () => {
    // Inside the repository so Turbopack resolves `next` from its node_modules; test-results/ is git-ignored.
    const project = path.resolve('test-results', `build-site-${process.pid}`)
    dirs.push(project)
    mkdirSync(path.join(project, 'app'), { recursive: true })
    writeFileSync(path.join(project, 'next.config.mjs'), 'export default {}\n')
    writeFileSync(path.join(project, 'app', 'layout.js'), 'export default function Layout({ children }) { return <html lang="en"><body>{children}</body></html> }\n')
    writeFileSync(path.join(project, 'app', 'page.js'), "export default function Page() { throw new Error('this page cannot render') }\n")
    const distDir = path.join(project, '.next')
    writeBuild(distDir, 'good')

    const outcome = buildKeepingLastGood(distDir, () => {
      const run = spawnSync(process.execPath, [path.resolve(nextBin), 'build'], {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
        timeout: 200_000,
      })
      return { status: run.status, output: `${run.stdout}${run.stderr}` }
    })
    expect(outcome).toMatchObject({ ok: false, servingPrevious: true, summary: 'page /: this page cannot render' })
    expect(readFileSync(path.join(distDir, 'BUILD_ID'), 'utf8')).toBe('good')
    expect(readdirSync(project)).not.toContain('.next.last-good')
  })
})
