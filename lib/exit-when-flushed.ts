/**
 * Ends a command-line process once stdout and stderr have taken everything written: the wasm schema engine leaves
 * a 10-second timer behind after migrating, which would keep the process alive that long after the work is done.
 */
export function exitWhenFlushed(code: number): void {
  process.exitCode = code
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
}
