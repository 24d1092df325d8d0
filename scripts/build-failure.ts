// Turns the output of a failed `next build` into one line that names what failed and why.

// Next colours some of its output even when piped.
const ansiEscape = new RegExp(String.raw`\u001b\[[0-9;]*m`, 'g')

const prerenderFailure = /^Error occurred prerendering page "([^"]+)"/
const exportFailure = /^Export encountered an error on \S+: (\S+), exiting the build/
const fileLocation = /^\.{1,2}\/\S+$/
const typeError = /^(\S+\(\d+,\d+\)): error (TS\d+: .+)$/
const errorMessage = /^(?:[A-Z]\w*Error|Error|Type error)\b:\s*(.+)$/

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The first error message in the few lines after `index`. */
function messageAfter(lines: string[], index: number): string | null {
  for (const line of lines.slice(index + 1, index + 6)) {
    const message = errorMessage.exec(line)?.[1]
    if (message) return oneLine(message)
  }
  return null
}

function lastMessageBefore(lines: string[], index: number): string | null {
  const message = lines
    .slice(0, index)
    .map((line) => errorMessage.exec(line)?.[1])
    .findLast((found) => found !== undefined)
  return message ? oneLine(message) : null
}

/**
 * One line for a failed build: the page and its error for a prerender failure, the file and its error for a compile
 * or type error, else the last error message Next printed.
 */
export function summarizeBuildFailure(output: string): string {
  const lines = output
    .replace(ansiEscape, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
  for (const [index, line] of lines.entries()) {
    const page = prerenderFailure.exec(line)?.[1]
    if (page) return `page ${page}: ${messageAfter(lines, index) ?? 'it threw while rendering'}`
  }
  for (const [index, line] of lines.entries()) {
    const page = exportFailure.exec(line)?.[1]
    if (page) return `page ${page}: ${lastMessageBefore(lines, index) ?? 'it threw while rendering'}`
  }
  for (const line of lines) {
    const [, file, message] = typeError.exec(line) ?? []
    if (file && message) return `${file}: ${oneLine(message)}`
  }
  for (const [index, line] of lines.entries()) {
    const message = fileLocation.test(line) ? messageAfter(lines, index) : null
    if (message) return `${line}: ${message}`
  }
  return lastMessageBefore(lines, lines.length) ?? 'next build exited with an error and printed no message'
}
