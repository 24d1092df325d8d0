import path from 'node:path'
import { formatProblem, type Problem } from '@/lib/content/problem'
import { glossaryEntry } from '@/tests/helpers/content-dir'
import { answerFields, answerFile, type HostileCase } from '@/tests/helpers/hostile/base'

// Running a case: the hostile file next to a valid glossary, a valid control answer and two known-bad sentinels

export type Invariant =
  | 'no-throw'
  | 'no-hang'
  | 'no-internal-error'
  | 'problem-file'
  | 'problem-position'
  | 'message-one-line'
  | 'message-no-control-chars'
  | 'sentinel-reported'
  | 'control-clean'
  | 'expected-valid'
  | 'expected-invalid'
  | 'no-prototype-pollution'

export interface Violation {
  invariant: Invariant
  detail: string
}

export interface CaseOutcome {
  violations: Violation[]
  /** Problems reported for the hostile file itself. */
  problems: Problem[]
  wallMs: number
  /** CPU time of the whole process (the ingest thread plus V8's GC helpers): load on a shared machine does not inflate it. */
  cpuMs: number
}

const sentinelBody = 'Sentinel text with {sentinel} inside.'
const sentinel = (title: string) => answerFile(sentinelBody, [`title: "${title}"`, ...answerFields.slice(1)])
/** The files every case runs next to: a valid glossary and control answer, and two sentinels with a known problem. */
export const neighbourFiles: Readonly<Record<string, string>> = {
  'glossary/vix.mdx': glossaryEntry('VIX', ['Cboe Volatility Index'], ['contango']),
  'glossary/contango.mdx': glossaryEntry('Contango', [], ['vix']),
  'answers/aa-sentinel.mdx': sentinel('Is the first sentinel problem still reported?'),
  'answers/ab-control.mdx': answerFile('The control answer mentions the VIX and <Term slug="contango">contango</Term>.', [
    'title: "What does the fuzz control answer say?"',
    ...answerFields.slice(1),
  ]),
  'answers/zz-sentinel.mdx': sentinel('Is the last sentinel problem still reported?'),
}
const sentinelLine = answerFile(sentinelBody).split('\n').indexOf(sentinelBody) + 1
const sentinelColumn = sentinelBody.indexOf('{') + 1

/** The lines an editor would see: by LF alone (what front matter counts) or by any line ending (what MDX counts). */
function positionFits(text: string, line: number, column: number): boolean {
  if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1) return false
  return [/\n/, /\r\n|\r|\n/].some((separator) => {
    const lines = text.split(separator)
    if (line === lines.length + 1) return column === 1
    const at = lines[line - 1]
    return at !== undefined && column <= at.length + 1
  })
}

const shown = (problem: Problem) => JSON.stringify(formatProblem(problem).slice(0, 300))

/** Every invariant from the issue, checked against one ingest report. */
export function checkProblems(hostile: HostileCase, dir: string, problems: readonly Problem[]): Violation[] {
  const violations: Violation[] = []
  const texts = new Map<string, string>()
  for (const [relPath, text] of [...Object.entries(neighbourFiles), [hostile.relPath, hostile.content.toString('utf8')] as const]) {
    const absolute = path.join(dir, relPath)
    texts.set(absolute, text)
    texts.set(path.relative(process.cwd(), absolute), text)
  }
  const fileOf = (relPath: string) => path.join(dir, relPath)
  const isFile = (problem: Problem, relPath: string) => problem.file === fileOf(relPath) || problem.file === path.relative(process.cwd(), fileOf(relPath))
  const inGlossary = hostile.relPath.startsWith('glossary/')

  for (const problem of problems) {
    const text = texts.get(problem.file)
    if (text === undefined) {
      violations.push({ invariant: 'problem-file', detail: `not a generated file: ${shown(problem)}` })
      continue
    }
    if (!positionFits(text, problem.line, problem.column)) violations.push({ invariant: 'problem-position', detail: shown(problem) })
    if (problem.message.trim() === '' || /[\n\r\u2028\u2029]/.test(formatProblem(problem))) {
      violations.push({ invariant: 'message-one-line', detail: shown(problem) })
    }
    if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(problem.message)) violations.push({ invariant: 'message-no-control-chars', detail: shown(problem) })
    if (/^internal error/i.test(problem.message)) violations.push({ invariant: 'no-internal-error', detail: shown(problem) })
  }
  for (const relPath of ['answers/aa-sentinel.mdx', 'answers/zz-sentinel.mdx']) {
    if (!problems.some((p) => isFile(p, relPath) && p.line === sentinelLine && p.column === sentinelColumn)) {
      violations.push({ invariant: 'sentinel-reported', detail: `${relPath}:${sentinelLine}:${sentinelColumn} is missing` })
    }
  }
  // A hostile glossary entry may rightly put a problem on the entry it clashes with (the later file).
  const affected = (p: Problem) => isFile(p, hostile.relPath) || (inGlossary && p.file.includes(`${path.sep}glossary${path.sep}`))
  const bystanders = ['answers/ab-control.mdx', ...(inGlossary ? [] : ['glossary/vix.mdx', 'glossary/contango.mdx'])]
  for (const problem of problems.filter((p) => bystanders.some((relPath) => isFile(p, relPath)))) {
    violations.push({ invariant: 'control-clean', detail: shown(problem) })
  }
  const own = problems.filter(affected)
  if (hostile.expect === 'valid' && own.length > 0) violations.push({ invariant: 'expected-valid', detail: own.slice(0, 3).map(shown).join(' ; ') })
  if (hostile.expect === 'invalid' && own.length === 0) violations.push({ invariant: 'expected-invalid', detail: 'no problem reported for it' })
  return violations
}
