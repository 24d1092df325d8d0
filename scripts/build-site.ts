// `next build` for `npm start`, keeping the last good build: the current dist dir is moved aside while Next builds a
// new one, and moved back if the build fails. Next serves a restored dir as before (it is the same directory, at the
// same path, byte for byte).
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { summarizeBuildFailure } from './build-failure'

export interface BuildRun {
  status: number | null
  output: string
}

export type BuildOutcome =
  | { ok: true; log: string }
  | { ok: false; summary: string; log: string; servingPrevious: boolean }

const hasBuild = (distDir: string) => existsSync(path.join(distDir, 'BUILD_ID'))

/**
 * Runs `build` (which writes `distDir`). On failure the previous build, if there was one, is back in place and the
 * outcome says in one line which page or file failed and why; the whole output is saved beside it either way.
 */
export function buildKeepingLastGood(distDir: string, build: () => BuildRun): BuildOutcome {
  const lastGood = `${distDir}.last-good`
  // A start that was killed mid-build left the last good build aside; it is still the one to keep.
  if (existsSync(lastGood) && !hasBuild(distDir)) {
    rmSync(distDir, { recursive: true, force: true })
    renameSync(lastGood, distDir)
  }
  rmSync(lastGood, { recursive: true, force: true })
  const hadBuild = hasBuild(distDir)
  if (hadBuild) renameSync(distDir, lastGood)

  const run = build()
  if (run.status === 0 && hasBuild(distDir)) {
    rmSync(lastGood, { recursive: true, force: true })
    const log = path.join(distDir, 'build.log')
    writeFileSync(log, run.output)
    return { ok: true, log }
  }

  rmSync(distDir, { recursive: true, force: true })
  if (hadBuild) renameSync(lastGood, distDir)
  else mkdirSync(distDir, { recursive: true })
  const log = path.join(distDir, 'build-failure.log')
  writeFileSync(log, run.output)
  return { ok: false, summary: summarizeBuildFailure(run.output), log, servingPrevious: hadBuild }
}
