import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { compileBody, type CompileGlossary, type CompileInput, type CompileResult } from '@/lib/content/compile'
import type { GlossaryTerms } from '@/lib/content/glossary'

export interface WorkerSetup {
  terms: readonly GlossaryTerms[]
}
export interface BatchRequest {
  batch: number
  inputs: CompileInput[]
}
export interface BatchReply {
  batch: number
  results: CompileResult[]
}

// Built by scripts/run-bundled.mjs beside every chunk of a CLI bundle; absent when the sources run as TypeScript
// (tests, `npm start` under tsx), which then compile in this thread only.
const workerFile = fileURLToPath(new URL('./compile-worker.mjs', import.meta.url))
/** Below this many files, starting a worker (~0.2 s to load the MDX toolchain) costs more than it saves. */
export const minFilesForWorkers = 120
const batchSize = 8
// Batches each worker holds at once: it starts the next while this thread, busy compiling its own, has not yet read
// the reply to the last.
const batchesInFlight = 2

export interface CompileRun {
  glossary: CompileGlossary & { terms: readonly GlossaryTerms[] }
  /** Called once per file as it completes, in no particular order. */
  onResult: (index: number, result: CompileResult) => void
  /** Worker threads to start besides this one; default: one per extra core, at most 3. */
  workers?: number
}

export const compileWorkersAvailable = () => existsSync(workerFile)

/**
 * Compiles every input, in this thread and, for enough files, in worker threads too, all pulling batches from one
 * queue. A worker that fails hands its batches back to the queue and this thread carries on without it, so the
 * results are the same however many workers ran (or none). Returns how many threads compiled something.
 */
export async function compileAll(inputs: readonly CompileInput[], run: CompileRun): Promise<number> {
  const queue: number[] = []
  for (let start = 0; start < inputs.length; start += batchSize) queue.push(start)
  const take = () => queue.shift()
  let hereCompiled = false
  const compileHere = (start: number) => {
    hereCompiled = true
    inputs.slice(start, start + batchSize).forEach((input, offset) => run.onResult(start + offset, compileBody(input, run.glossary)))
  }
  const wanted = run.workers ?? Math.min(3, availableParallelism() - 1)
  const workerCount = inputs.length >= minFilesForWorkers && compileWorkersAvailable() ? Math.max(0, wanted) : 0
  const workers = Array.from({ length: workerCount }, () => startWorker(inputs, run, take, (start) => queue.unshift(start)))
  const drain = async () => {
    for (let start = take(); start !== undefined; start = take()) {
      compileHere(start)
      // Lets the workers' replies in, so they are sent their next batches while this thread keeps compiling.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  await drain()
  // What the workers still hold finishes there, or comes back to the queue if a worker fails.
  const workersThatCompiled = (await Promise.all(workers)).filter(Boolean).length
  await drain()
  return workersThatCompiled + (hereCompiled ? 1 : 0)
}

/**
 * Resolves when the worker holds nothing more (it finished its batches, or failed and gave them back), with
 * whether it compiled anything.
 */
function startWorker(inputs: readonly CompileInput[], run: CompileRun, take: () => number | undefined, giveBack: (start: number) => void): Promise<boolean> {
  return new Promise((resolve) => {
    let worker: Worker
    try {
      worker = new Worker(workerFile, { workerData: { terms: run.glossary.terms } satisfies WorkerSetup })
    } catch {
      // No thread to be had (e.g. out of file descriptors): the other threads share its part of the queue.
      resolve(false)
      return
    }
    const held = new Set<number>()
    let settled = false
    let compiled = false
    const finish = () => {
      if (settled) return
      settled = true
      void worker.terminate()
      resolve(compiled)
    }
    const send = () => {
      const start = take()
      if (start === undefined) return
      held.add(start)
      worker.postMessage({ batch: start, inputs: inputs.slice(start, start + batchSize) } satisfies BatchRequest)
    }
    worker.on('message', ({ batch, results }: BatchReply) => {
      held.delete(batch)
      compiled = true
      results.forEach((result, offset) => run.onResult(batch + offset, result))
      send()
      if (held.size === 0) finish()
    })
    const fail = () => {
      for (const start of held) giveBack(start)
      held.clear()
      finish()
    }
    worker.on('error', fail)
    worker.on('exit', fail)
    for (let i = 0; i < batchesInFlight; i++) send()
    if (held.size === 0) finish()
  })
}
