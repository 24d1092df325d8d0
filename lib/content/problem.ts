/** An expected ingest failure, reported to the editor as `file:line:col message`. */
export interface Problem {
  file: string
  line: number
  column: number
  message: string
}

export function formatProblem(problem: Problem): string {
  return `${escapeControls(problem.file)}:${problem.line}:${problem.column} ${escapeControls(problem.message)}`
}

const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g
const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * Editor text quoted in a message (a key, a character MDX complains about, a file name) may hold line breaks or
 * terminal escapes; shown escaped, a problem stays one line and cannot restyle the editor's terminal.
 */
export function escapeControls(text: string): string {
  return text.replace(controls, (c) => named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Sorted, with every message made safe to print (see escapeControls). */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.map((problem) => ({ ...problem, message: escapeControls(problem.message) })).sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message),
  )
}

/** 1-based line and column of a character offset in `text`. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}
