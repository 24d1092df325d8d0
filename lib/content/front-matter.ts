import matter from 'gray-matter'
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml'
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml'
import type { z } from 'zod'
import { positionAt, type Problem } from '@/lib/content/problem'

export interface SplitSource {
  /** Parsed YAML as plain data (dates stay strings: YAML core schema). */
  data: unknown
  body: string
  /** Character offset of the body within the file. */
  bodyOffset: number
  /** Position of a field's value (or of the key itself with `at: 'key'`), for pointing editors at a problem. */
  locate: (path: readonly PropertyKey[], at?: 'key' | 'value') => { line: number; column: number }
}

const noopEngine = { parse: () => ({}), stringify: () => '' }

/** Splits front matter from the body (gray-matter) and parses the YAML with positions (yaml). */
export function parseFrontMatter(file: string, source: string): { ok: true; value: SplitSource } | { ok: false; problems: Problem[] } {
  if (!/^(\uFEFF)?---[ \t]*\r?\n/.test(source)) {
    return fail(file, 1, 1, 'missing front matter: start the file with a "---" line, then the fields, then a closing "---" line')
  }
  // gray-matter only splits here; YAML is parsed below with positions and without YAML 1.1 date coercion.
  const split = matter(source, { engines: { yaml: noopEngine } })
  const raw = split.matter
  const matterStart = source.indexOf('\n') + 1
  const bodyOffset = source.endsWith(split.content) ? source.length - split.content.length : matterStart + raw.length
  if (!/\r?\n---[ \t]*(\r?\n|$)/.test(source.slice(matterStart - 1, bodyOffset + 1)) ) {
    return fail(file, 1, 1, 'front matter is not closed: add a "---" line after the last field')
  }
  // gray-matter's raw matter starts right after the opening "---" (usually with its newline).
  const rawStart = raw ? source.indexOf(raw) : matterStart
  const lineOffset = positionAt(source, rawStart >= 0 ? rawStart : matterStart).line - 1
  const lineCounter = new LineCounter()
  let doc: Document | undefined
  const document = () => (doc ??= parseDocument(raw, { lineCounter, uniqueKeys: true, schema: 'core', prettyErrors: false }))
  const positionOf = (offset: number) => {
    const pos = lineCounter.linePos(offset)
    return { line: pos.line + lineOffset, column: pos.col }
  }

  // Fast path: js-yaml with its core schema (no YAML 1.1 date coercion). The position-aware `yaml` parser only
  // runs when there is a problem to point at; it is several times slower on every file.
  let data: unknown
  try {
    data = loadYaml(raw, { schema: CORE_SCHEMA }) ?? {}
  } catch (error) {
    const errors = document().errors
    if (errors.length > 0) {
      return {
        ok: false,
        problems: errors.map((e) => ({
          file,
          ...positionOf(e.pos[0]),
          message: `invalid YAML in front matter: ${e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML'}`,
        })),
      }
    }
    // js-yaml's offset is reliable where its line is not (a NUL byte is reported on line 0).
    const mark = (error as { mark?: { position?: number } }).mark
    const reason = (error as { reason?: string }).reason ?? 'invalid YAML'
    const at = positionAt(source, (rawStart >= 0 ? rawStart : matterStart) + (mark?.position ?? 0))
    return fail(file, at.line, at.column, `invalid YAML in front matter: ${reason}`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail(file, 1 + lineOffset, 1, 'front matter must be a list of "key: value" fields')
  }
  return {
    ok: true,
    value: {
      data,
      body: source.slice(bodyOffset),
      bodyOffset,
      locate: (path, at = 'value') => {
        const offset = offsetOf(document(), path, at)
        return offset === undefined ? { line: 1, column: 1 } : positionOf(offset)
      },
    },
  }
}

function offsetOf(doc: Document, path: readonly PropertyKey[], at: 'key' | 'value'): number | undefined {
  if (path.length === 0 || !isMap(doc.contents)) return undefined
  const [key, ...rest] = path
  const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key)
  if (!pair) return undefined
  if (at === 'key') return (pair.key as { range?: [number, number, number] }).range?.[0]
  const node = rest.length > 0 ? doc.getIn(path as unknown[], true) : pair.value
  const range = ((node ?? pair.value ?? pair.key) as { range?: [number, number, number] } | null)?.range
  return range?.[0]
}

function fail(file: string, line: number, column: number, message: string) {
  return { ok: false as const, problems: [{ file, line, column, message }] }
}

/** Turns zod issues into positioned problems, naming the field and pointing at it in the YAML. */
export function frontMatterProblems(
  file: string,
  split: SplitSource,
  issues: readonly z.core.$ZodIssue[],
  allowedFields: readonly string[],
): Problem[] {
  const problems: Problem[] = []
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const hint = closest(key, allowedFields)
        problems.push({
          file,
          ...split.locate([key], 'key'),
          message: `unknown front matter field "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; allowed: ${allowedFields.join(', ')}`,
        })
      }
      continue
    }
    const [field, ...rest] = issue.path
    const name = [String(field), ...rest.map((part) => `[${String(part)}]`)].join('')
    const present = field !== undefined && split.data !== null && typeof split.data === 'object' && Object.hasOwn(split.data, String(field))
    if (!present && field !== undefined && issue.code === 'invalid_type') {
      problems.push({ file, line: 1, column: 1, message: `missing required front matter field "${String(field)}"` })
      continue
    }
    problems.push({ file, ...split.locate(issue.path), message: `front matter "${name}" ${issue.message}` })
  }
  return problems
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = 3
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
