// Several production builds of this project side by side: `next start` (and the nginx stack's instances) always
// serve `.next` from the project folder, and each database needs its own build (the build pre-renders pages from
// it), so each build is kept in `.next.bench-<name>` and renamed into place while its servers run. The build that
// was there before is moved aside first and put back by `restore`, whatever happened.
import { existsSync, renameSync, rmSync } from 'node:fs'

const distDir = '.next'
const aside = `${distDir}.bench-aside`

export class DistSlots {
  constructor(private readonly names: readonly string[]) {
    // A run that was killed left its builds behind; the one aside is still the project's own.
    this.removeSlots()
    if (existsSync(aside)) {
      rmSync(distDir, { recursive: true, force: true })
      renameSync(aside, distDir)
    }
    if (existsSync(distDir)) renameSync(distDir, aside)
  }

  private slotDir(name: string): string {
    if (!this.names.includes(name)) throw new Error(`unknown build slot ${name}`)
    return `${distDir}.bench-${name}`
  }

  private removeSlots(): void {
    for (const name of this.names) rmSync(this.slotDir(name), { recursive: true, force: true })
  }

  /** Keeps the build just made in `.next` as slot `name`. */
  keep(name: string): void {
    if (!existsSync(distDir)) throw new Error(`no ${distDir} to keep as the ${name} build`)
    rmSync(this.slotDir(name), { recursive: true, force: true })
    renameSync(distDir, this.slotDir(name))
  }

  /** Puts slot `name` in `.next` while `work` runs, then back in its slot. */
  async use<T>(name: string, work: () => Promise<T>): Promise<T> {
    if (!existsSync(this.slotDir(name))) throw new Error(`no ${name} build was kept`)
    renameSync(this.slotDir(name), distDir)
    try {
      return await work()
    } finally {
      renameSync(distDir, this.slotDir(name))
    }
  }

  /** Removes every slot and puts the project's own build back. Synchronous, so a signal handler can call it. */
  restore(): void {
    // Whatever is in .next now is one of ours: a slot in use or a build that did not finish.
    rmSync(distDir, { recursive: true, force: true })
    this.removeSlots()
    if (existsSync(aside)) renameSync(aside, distDir)
  }
}
