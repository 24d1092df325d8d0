import type { Nodes, Root } from 'mdast'

/** Real answers nest a few levels; hundreds of levels only make the parser and the renderer's recursion explode. */
export const maxNestingLevels = 100

/**
 * Markdown resolves emphasis by looking back over every earlier marker of the paragraph: 50,000 markers on one
 * line took over 5 s. Real answers use a few dozen per paragraph.
 */
export const maxEmphasisMarkers = { paragraph: 2_000, file: 10_000 }

export interface DeepNesting {
  line: number
  column: number
  levels: number
  what: string
  /** Set when the limit is a count of markers rather than a depth. */
  countLimit?: number
}

export function nestingMessage(deep: DeepNesting): string {
  return deep.countLimit === undefined
    ? `${deep.what} nested too deeply (${deep.levels} levels; the limit is ${maxNestingLevels})`
    : `too many ${deep.what} (${deep.levels}; the limit is ${deep.countLimit}): split the text or use less emphasis`
}

/**
 * A linear scan of the raw body, before parsing: Markdown's parser spends time quadratic in the nesting depth
 * (5,000 nested list markers took over 10 s) and then overflows the stack, so deep inputs must never reach it.
 * Estimates per line: container markers (`>`, `-`, `1.`) plus indentation, JSX component nesting, bracket
 * nesting and emphasis runs. Each is an upper bound of what the parser would build.
 */
export function scanNesting(body: string, limit = maxNestingLevels): DeepNesting | undefined {
  // The first place a limit is passed is reported; scanning goes on only to find how deep that nesting goes.
  let found: DeepNesting | undefined
  const exceed = (what: string, line: number, column: number, levels: number) => {
    if (!found) found = { line, column, levels, what }
    else if (found.what === what) found.levels = Math.max(found.levels, levels)
  }
  let line = 1
  let chainStart = 1
  let jsxDepth = 0
  let jsxStart = 1
  let braces = 0
  let braceStart = 1
  let paragraphMarkers = 0
  let paragraphStart = 1
  let fileMarkers = 0
  let lineStart = 0
  while (lineStart <= body.length) {
    let lineEnd = body.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = body.length
    const thematicBreak = isThematicBreak(body, lineStart, lineEnd)
    if (body.slice(lineStart, lineEnd).trim() === '') {
      paragraphMarkers = 0
      paragraphStart = line + 1
    }
    const containers = thematicBreak ? 0 : containerDepth(body, lineStart, lineEnd)
    if (containers === 0) chainStart = line + 1
    if (containers > limit) exceed('lists or block quotes', Math.min(chainStart, line), 1, containers)
    let brackets = 0
    let run = 0
    for (let i = lineStart; i < lineEnd; i++) {
      const code = body.charCodeAt(i)
      if (code === 92) {
        i++ // a backslash escapes the next character
        run = 0
        continue
      }
      if (code === 91) brackets++
      else if (code === 93 && brackets > 0) brackets--
      // Braces open MDX expressions, which may span lines; acorn and MDX recurse into each level.
      else if (code === 123) {
        if (braces === 0) braceStart = line
        braces++
        if (braces > limit) exceed('braces', braceStart, 1, braces)
      } else if (code === 125 && braces > 0) braces--
      if (brackets > limit) exceed('brackets', line, i - lineStart + 1, brackets)
      // Any mix of * _ ~ counts as one run: "*_*_*_" nests as deeply as "******".
      if (code === 42 || code === 95 || code === 126) {
        run++
        if (run === 1 && !thematicBreak) {
          paragraphMarkers++
          fileMarkers++
          if (paragraphMarkers > maxEmphasisMarkers.paragraph && !found) {
            found = { line: paragraphStart, column: 1, levels: 0, what: 'emphasis markers in one paragraph', countLimit: maxEmphasisMarkers.paragraph }
          }
          if (fileMarkers > maxEmphasisMarkers.file && !found) {
            found = { line, column: i - lineStart + 1, levels: 0, what: 'emphasis markers in one file', countLimit: maxEmphasisMarkers.file }
          }
          if (found?.what === 'emphasis markers in one paragraph') found.levels = Math.max(found.levels, paragraphMarkers)
          if (found?.what === 'emphasis markers in one file') found.levels = fileMarkers
        }
        if (run > 2 * limit && !thematicBreak) exceed('emphasis', line, i - run - lineStart + 2, Math.floor(run / 2))
      } else {
        run = 0
      }
      if (code === 60) {
        const next = body.charCodeAt(i + 1)
        if (next === 47) {
          if (jsxDepth > 0 && isUpper(body.charCodeAt(i + 2))) jsxDepth--
        } else if (isUpper(next) && !selfClosing(body, i, lineEnd)) {
          if (jsxDepth === 0) jsxStart = line
          jsxDepth++
          if (jsxDepth > limit) exceed('components', jsxStart, 1, jsxDepth)
        }
      }
    }
    lineStart = lineEnd + 1
    line++
  }
  return found
}

function containerDepth(text: string, start: number, end: number): number {
  let depth = 0
  let i = start
  let indent = 0
  // Leading indentation nests a line under the list above it; spaces after a marker only separate markers.
  for (; i < end; i++) {
    const code = text.charCodeAt(i)
    if (code === 32) indent++
    else if (code === 9) indent += 4
    else break
  }
  while (i < end) {
    const code = text.charCodeAt(i)
    if (code === 32 || code === 9) {
      i++
    } else if (code === 62) {
      depth++
      i++
    } else if ((code === 45 || code === 42 || code === 43) && isSpaceOrEnd(text, i + 1, end)) {
      depth++
      i++
    } else if (code >= 48 && code <= 57) {
      let j = i
      while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++
      const marker = text.charCodeAt(j)
      if ((marker === 46 || marker === 41) && isSpaceOrEnd(text, j + 1, end)) {
        depth++
        i = j + 1
      } else {
        break
      }
    } else {
      break
    }
  }
  return depth + Math.floor(indent / 2)
}

const isUpper = (code: number) => code >= 65 && code <= 90
const isSpaceOrEnd = (text: string, i: number, end: number) => i >= end || text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9

function selfClosing(text: string, start: number, end: number): boolean {
  const close = text.indexOf('>', start)
  return close !== -1 && close <= end && text.charCodeAt(close - 1) === 47
}

function isThematicBreak(text: string, start: number, end: number): boolean {
  return /^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$/.test(text.slice(start, end))
}

/** Types that do not add a level an editor would count (a list item is part of its list, a cell of its table). */
const transparent = new Set(['root', 'listItem', 'paragraph', 'tableRow', 'tableCell'])
const levelOf = (node: Nodes) => ('children' in node && !transparent.has(node.type) ? 1 : 0)

/**
 * The exact check after parsing, iterative so it cannot overflow itself: the deepest chain of nesting nodes.
 * Everything after it (the safety pass, glossary linking, HTML conversion, rendering) recurses through the tree.
 */
export function measureNesting(tree: Root, limit = maxNestingLevels): DeepNesting | undefined {
  const stack: { node: Nodes; levels: number; top: Nodes }[] = tree.children.map((node) => ({ node, levels: levelOf(node), top: node }))
  while (stack.length > 0) {
    const { node, levels, top } = stack.pop() as { node: Nodes; levels: number; top: Nodes }
    if (levels > limit) {
      return { line: top.position?.start.line ?? 1, column: top.position?.start.column ?? 1, levels: deepest(node, levels), what: 'content' }
    }
    if ('children' in node) {
      for (const child of node.children) stack.push({ node: child, levels: levels + levelOf(child), top })
    }
  }
  return undefined
}

function deepest(node: Nodes, levels: number): number {
  let max = levels
  const stack: { node: Nodes; levels: number }[] = [{ node, levels }]
  while (stack.length > 0) {
    const item = stack.pop() as { node: Nodes; levels: number }
    max = Math.max(max, item.levels)
    if ('children' in item.node) for (const child of item.node.children) stack.push({ node: child, levels: item.levels + levelOf(child) })
  }
  return max
}
