/** Progress for long ingests: a live counter on a terminal, a line per quarter in logs; silent for small runs. */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): (done: number, total: number) => void {
  let lastPrinted = -1
  return (done, total) => {
    if (total < 50) return
    const percent = Math.floor((done / total) * 100)
    if (stream.isTTY) {
      stream.write(`\r  compiling ${done}/${total} (${percent}%)${done === total ? '\n' : ''}`)
    } else if (percent >= lastPrinted + 25 || (done === total && lastPrinted < 100)) {
      lastPrinted = percent
      stream.write(`  compiling ${done}/${total} (${percent}%)\n`)
    }
  }
}
