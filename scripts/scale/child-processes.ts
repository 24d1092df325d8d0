// Starting, waiting for and stopping the processes of a scale stack (next start instances, nginx).
import type { ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'

// A process that could not be started emits 'error' and maybe never 'exit'.
const spawnErrors = new WeakMap<ChildProcess, Error>()

/** Records the child's spawn error (an unhandled 'error' event would end this process). */
export function watchSpawnError(child: ChildProcess): ChildProcess {
  child.on('error', (error) => spawnErrors.set(child, error))
  return child
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null || spawnErrors.has(child)

/** Resolves once the process has exited (at once if it already has). */
export function waitForExit(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.once('error', () => resolve())
  })
}

/** Sends `signal`, then SIGKILL if the process is still running after `graceMs`; resolves when it has exited. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 5_000): Promise<void> {
  if (hasExited(child)) return
  const exited = waitForExit(child)
  child.kill(signal)
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

/** Throws a one-line error when something already listens on 127.0.0.1:port (a leftover server would answer for us). */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `port ${port} on 127.0.0.1 is already in use` : `port ${port} on 127.0.0.1 cannot be used: ${error.message}`)),
    )
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()))
  })
}

/** The last non-empty line of a log file, to say why a process stopped. */
export function lastLogLine(file: string): string {
  if (!existsSync(file)) return '(no output)'
  const lines = readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean)
  return lines.at(-1) ?? '(no output)'
}

/**
 * Polls `url` until it answers with a status `isReady` accepts (below 500 unless told otherwise). Fails at once,
 * with the last line of its log, when the process exits first (a port taken meanwhile, a missing build), and
 * after `timeoutMs` otherwise.
 */
export async function waitUntilAnswering(
  url: string,
  child: ChildProcess,
  what: { name: string; log: string; isReady?: (status: number) => boolean },
  timeoutMs = 30_000,
): Promise<void> {
  const isReady = what.isReady ?? ((status: number) => status < 500)
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const spawnError = spawnErrors.get(child)
    if (spawnError) throw new Error(`${what.name} could not be started: ${spawnError.message}`)
    if (hasExited(child)) throw new Error(`${what.name} exited before answering (${lastLogLine(what.log)}; log: ${what.log})`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) })
      await response.arrayBuffer()
      if (isReady(response.status)) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${what.name} did not answer ${url} within ${timeoutMs / 1000} s (log: ${what.log})`)
}
