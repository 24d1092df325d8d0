import { isDatabaseConnectionError } from '@/lib/db-errors'

let installed = false

const isOutage = (value: unknown) => isDatabaseConnectionError(value) || (value instanceof Error && isDatabaseConnectionError(value.cause))

/**
 * Next logs every failed render and every failed background revalidation with its stack (`console.error`): during
 * an outage, a stack per request. The outage itself is logged once when it starts and once when it ends
 * (lib/db-availability.ts), so errors that only repeat it are left out; everything else is logged as before.
 */
export function quietOutageErrors(): void {
  if (installed) return
  installed = true
  const log = console.error.bind(console)
  console.error = (...args: unknown[]) => {
    if (args.some(isOutage)) return
    log(...args)
  }
}
