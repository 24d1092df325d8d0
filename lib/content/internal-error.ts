import { DatabaseConnectionError } from '@/lib/db-errors'

/**
 * Anything unexpected still ends in one line: editors and CI logs never get a stack trace. A multi-line message
 * is joined, up to the first line that starts a trace (a JavaScript "at …" frame, or the schema engine's
 * numbered "0: module::function" spans).
 */
export function describeInternalError(error: unknown): string {
  // Not internal: the database named in DATABASE_URL cannot be reached or refused us (lib/db-errors.ts says why).
  if (error instanceof DatabaseConnectionError) return error.message
  const message = error instanceof Error ? error.message : String(error)
  const lines = message.split('\n').map((line) => line.trim())
  const traceStart = lines.findIndex((line) => /^(at\s|\d+:\s)/.test(line))
  const kept = (traceStart === -1 ? lines : lines.slice(0, traceStart)).filter((line) => line !== '')
  return `internal error: ${kept.join(' ')}`
}
