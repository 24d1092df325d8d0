import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { isMainThread, parentPort, Worker } from 'node:worker_threads'
import { ingestContent } from '@/lib/content/ingest'
import type { Problem } from '@/lib/content/problem'
import type { HostileCase } from '@/tests/helpers/hostile/base'
import { checkProblems, neighbourFiles, type CaseOutcome, type Invariant, type Violation } from '@/tests/helpers/hostile/invariants'

/** Per-file limit on CPU time; wall time is only capped (at a multiple of it) against a stalled worker. */
export const perFileTimeoutMs = 5000
const wallCapFactor = 6

const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

function oneLine(error: unknown): string {
  if (!(error instanceof Error)) return String(error).split('\n')[0] ?? ''
  const frame = error.stack?.split('\n').find((l) => /^\s+at /.test(l))?.trim() ?? ''
  return `${error.name}: ${error.message.split('\n')[0] ?? ''} ${frame}`.trim()
}

/** Runs ingest in check mode (no database) on one hostile file and its neighbours, in this thread. */
export async function runHostileCase(hostile: HostileCase, parentDir = tmpdir()): Promise<CaseOutcome> {
  const dir = mkdtempSync(path.join(parentDir, 'case-'))
  for (const [relPath, content] of [...Object.entries(neighbourFiles), [hostile.relPath, hostile.content] as const]) {
    mkdirSync(path.dirname(path.join(dir, relPath)), { recursive: true })
    writeFileSync(path.join(dir, relPath), content)
  }
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).join()
  const started = performance.now()
  const cpuStart = process.cpuUsage()
  const violations: Violation[] = []
  let problems: Problem[] = []
  try {
    problems = (await ingestContent({ contentDir: dir, db: null, write: false })).problems
  } catch (error) {
    violations.push({ invariant: 'no-throw', detail: oneLine(error) })
  }
  const wallMs = performance.now() - started
  const cpuMs = cpuMsSince(cpuStart)
  if (cpuMs > perFileTimeoutMs) violations.push({ invariant: 'no-hang', detail: `took ${Math.round(cpuMs)} ms of CPU (${Math.round(wallMs)} ms wall)` })
  if (Object.getOwnPropertyNames(Object.prototype).join() !== prototypeBefore || 'polluted' in {}) {
    violations.push({ invariant: 'no-prototype-pollution', detail: Object.getOwnPropertyNames(Object.prototype).join() })
  }
  const checked = violations.some((v) => v.invariant === 'no-throw') ? [] : checkProblems(hostile, dir, problems)
  rmSync(dir, { recursive: true, force: true })
  const own = problems.filter((p) => p.file.endsWith(hostile.relPath))
  return { violations: [...violations, ...checked], problems: own, wallMs, cpuMs }
}

// A worker thread that runs cases, so a case that never returns is stopped after the timeout instead of stalling
// the whole run (a synchronous loop cannot be interrupted from its own thread).

interface CaseRequest {
  id: number
  /** Where the case writes its files: the runner removes it, also after a case it had to stop. */
  parentDir: string
  hostile: Omit<HostileCase, 'content'> & { content: Uint8Array }
}
interface CaseReply {
  id: number
  outcome: CaseOutcome
}

/** Entry point inside the worker. */
export function serveHostileCases(): void {
  if (isMainThread || !parentPort) throw new Error('serveHostileCases runs inside a worker thread')
  const port = parentPort
  port.on('message', (request: CaseRequest) => {
    const hostile = { ...request.hostile, content: Buffer.from(request.hostile.content) }
    void runHostileCase(hostile, request.parentDir).then(
      (outcome) => port.postMessage({ id: request.id, outcome } satisfies CaseReply),
      (error: unknown) => port.postMessage({ id: request.id, outcome: { violations: [{ invariant: 'no-throw', detail: oneLine(error) }], problems: [], wallMs: 0, cpuMs: 0 } } satisfies CaseReply),
    )
  })
  port.postMessage('ready')
}

// The main thread's V8 stack is ~984 KB; a worker gets 4 MB unless told. Measured: 1.15 MB here gives the same
// recursion depth as the main thread (~13,700 frames), so stack overflows happen at the same nesting as in the CLI.
const workerStackMb = 1.15

export interface CaseRunner {
  run(hostile: HostileCase): Promise<CaseOutcome>
  close(): Promise<void>
}

/** Runs cases one at a time in a worker; stops and replaces it when a case uses more than `timeoutMs` of CPU. */
export function createCaseRunner(timeoutMs = perFileTimeoutMs): CaseRunner {
  // The worker loads this file through tsx, resolved (like tsconfig's "@/" paths) from the project root.
  const self = import.meta.url
  const boot = `import('tsx/esm/api').then((api) => api.tsImport(${JSON.stringify(self)}, ${JSON.stringify(self)})).then((m) => m.serveHostileCases())`
  let worker: Promise<Worker> | undefined
  let nextId = 0
  const parentDir = mkdtempSync(path.join(tmpdir(), 'ask-kb-fuzz-'))
  const start = () =>
    new Promise<Worker>((resolve, reject) => {
      const w = new Worker(boot, { eval: true, execArgv: ['--conditions=react-server'], resourceLimits: { stackSizeMb: workerStackMb } })
      w.once('message', () => {
        w.off('error', reject)
        resolve(w)
      })
      w.once('error', reject)
    })
  return {
    async run(hostile) {
      const current = await (worker ??= start())
      const id = nextId++
      const started = performance.now()
      const cpuStart = process.cpuUsage()
      return new Promise<CaseOutcome>((resolve) => {
        const finish = (outcome: CaseOutcome, stop: boolean) => {
          clearInterval(watchdog)
          current.off('message', onMessage)
          current.off('error', onError)
          if (stop) {
            worker = undefined
            void current.terminate()
          }
          resolve(outcome)
        }
        const fail = (invariant: Invariant, detail: string) =>
          finish({ violations: [{ invariant, detail }], problems: [], wallMs: performance.now() - started, cpuMs: cpuMsSince(cpuStart) }, true)
        // This thread only waits meanwhile, so the process's CPU time is the case's.
        const watchdog = setInterval(() => {
          const cpuMs = cpuMsSince(cpuStart)
          const wallMs = performance.now() - started
          if (cpuMs > timeoutMs || wallMs > timeoutMs * wallCapFactor) {
            fail('no-hang', `stopped after ${Math.round(cpuMs)} ms of CPU (${Math.round(wallMs)} ms wall) without an answer`)
          }
        }, 100)
        const onMessage = (reply: CaseReply) => {
          if (reply.id === id) finish(reply.outcome, false)
        }
        // Out of memory ends the worker; that is a crash of this case, and the next case gets a fresh worker.
        const onError = (error: Error) => fail('no-throw', `worker died: ${oneLine(error)}`)
        current.on('message', onMessage)
        current.on('error', onError)
        current.postMessage({ id, parentDir, hostile } satisfies CaseRequest)
      })
    },
    async close() {
      const current = await worker
      worker = undefined
      await current?.terminate()
      rmSync(parentDir, { recursive: true, force: true })
    },
  }
}
