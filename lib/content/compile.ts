import { toString } from 'mdast-util-to-string'
import { VFile } from 'vfile'
import { describeInternalError } from '@/lib/content/internal-error'
import type { Problem } from '@/lib/content/problem'
import { checkSafety } from '@/lib/mdx/check-safety'
import { linkGlossaryTerms } from '@/lib/mdx/link-glossary'
import { maxNestingLevels, measureNesting, nestingMessage, scanNesting } from '@/lib/mdx/nesting'
import { parseAnswerBody } from '@/lib/mdx/parse'
import { toStoredBody } from '@/lib/mdx/stored-body'
import type { TermMatcher } from '@/lib/mdx/term-matcher'

export interface CompiledBody {
  /** The checked body as a JSON syntax tree (lib/mdx/stored-body.ts), rendered by components/article/MdxContent. */
  code: string
  /** Glossary slugs linked in this body, in order of first appearance. */
  terms: string[]
  wordCount: number
  firstParagraph: string
}

export interface CompileInput {
  file: string
  body: string
  /** Line of the file where the body starts, so positions are reported in file coordinates. */
  bodyLine: number
  format: 'mdx' | 'md'
  /** Phrases the glossary linker leaves alone (the answer's basedOn source). */
  protectedPhrases?: readonly string[]
}

export type CompileResult = { ok: true; value: CompiledBody } | { ok: false; problems: Problem[] }

export interface Compiler {
  compile(input: CompileInput): Promise<CompileResult>
}

/**
 * Per file: nesting pre-scan → parse → unwrap component paragraphs → nesting check → safety check → glossary
 * links → syntax tree for storage. Whatever goes wrong inside one file becomes that file's problem; nothing throws.
 */
export function createCompiler(options: CompileGlossary): Compiler {
  return {
    async compile(input) {
      return compileBody(input, options)
    },
  }
}

/** What compiling needs of the glossary: the matcher that finds terms, and the slugs `<Term>` may name. */
export interface CompileGlossary {
  matcher: TermMatcher
  knownSlugs: ReadonlySet<string>
}

/** One file, synchronously (the compile workers' entry point; createCompiler for everything else). */
export function compileBody({ file, body, bodyLine, format, protectedPhrases }: CompileInput, glossary: CompileGlossary): CompileResult {
  const toProblem = (line: number | undefined, column: number | undefined, message: string): Problem => ({
    file,
    line: (line ?? 1) + bodyLine - 1,
    column: column ?? 1,
    message,
  })
  const fail = (...problems: Problem[]): CompileResult => ({ ok: false, problems })
  if (body.trim() === '') return fail(toProblem(1, 1, 'the answer body is empty: write the answer below the front matter'))
  const early = scanNesting(body)
  if (early) return fail(toProblem(early.line, early.column, nestingMessage(early)))
  const vfile = new VFile({ path: file, value: body })
  try {
    const tree = parseAnswerBody(vfile, format)
    const deep = measureNesting(tree)
    if (deep) return fail(toProblem(deep.line, deep.column, nestingMessage(deep)))
    checkSafety(tree, vfile)
    const terms = linkGlossaryTerms(tree, vfile, { ...glossary, protectedPhrases })
    if (vfile.messages.length > 0) return fail(...vfile.messages.map((m) => toProblem(m.line, m.column, m.reason)))
    const firstParagraph = tree.children.find((node) => node.type === 'paragraph')
    // Runs the renderer's element gate too: a body the page would refuse is refused by the check instead.
    const code = toStoredBody(tree)
    return {
      ok: true,
      value: {
        code,
        terms,
        wordCount: countWords(toString(tree)),
        firstParagraph: firstParagraph ? toString(firstParagraph).replace(/\s+/g, ' ').trim() : '',
      },
    }
  } catch (error) {
    const message = error as { line?: number; column?: number; reason?: unknown; source?: string }
    if (typeof message.reason === 'string') return fail(explainSyntaxError({ ...message, reason: message.reason }, bodyLine, toProblem))
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return fail(toProblem(1, 1, `content nested too deeply to process (the limit is about ${maxNestingLevels} levels of lists, quotes, emphasis or components)`))
    }
    return fail({ file, line: 1, column: 1, message: describeInternalError(error) })
  }
}

type ToProblem = (line: number | undefined, column: number | undefined, message: string) => Problem

/** MDX's own messages, reworded where they would mislead an editor (its reasons quote body-relative positions). */
function explainSyntaxError(error: { line?: number; column?: number; reason: string; source?: string }, bodyLine: number, toProblem: ToProblem): Problem {
  const reason = error.reason
    .replace(/\s+/g, ' ')
    .replace(/\((\d+):(\d+)-(\d+):(\d+)\)/g, (_, l1, c1, l2, c2) => `(${Number(l1) + bodyLine - 1}:${c1}-${Number(l2) + bodyLine - 1}:${c2})`)
  const unclosed = /^Expected a closing tag for `<([^>]*)>` \((\d+):(\d+)-/.exec(error.reason)
  if (unclosed) {
    const [, name = '', line, column] = unclosed
    const message = /^[a-z]/.test(name)
      ? `<${name}> is raw HTML, which answers cannot use; write it in Markdown or with an allowed component`
      : `<${name}> is never closed: add </${name}> after its content`
    return toProblem(Number(line), Number(column), message)
  }
  // MDX suggests {/* */} comments, but expressions are rejected here, so that advice would only lead to another error.
  if (/U\+0021/.test(error.reason) && /comment/.test(error.reason)) {
    return toProblem(error.line, error.column, 'HTML comments (<!-- ... -->) are not supported in answers; delete the comment')
  }
  const text = `MDX syntax error: ${reason}`
  if (error.source === 'micromark-extension-mdx-jsx' || error.source === 'mdast-util-mdx-jsx') {
    return toProblem(error.line, error.column, `${text} (to write a literal "<" in text, use \\<)`)
  }
  if (error.source === 'micromark-extension-mdx-expression' || error.source === 'micromark-extension-mdxjs-esm') {
    return toProblem(error.line, error.column, `${text} (to write a literal "{" in text, use \\{)`)
  }
  return toProblem(error.line, error.column, text)
}

const letterOrDigit = /[\p{L}\p{N}]/u

/**
 * Words for reading time: a run starting with a letter or digit and continuing through letters, digits and
 * in-word punctuation (don't, 3.5%, mid-week). A scan rather than a regex match, which built every word.
 */
export function countWords(text: string): number {
  let count = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (isLetterOrDigit(code, text, i)) {
      if (!inWord) count++
      inWord = true
    } else if (!(inWord && (code === 39 || code === 0x2019 || code === 46 || code === 44 || code === 37 || code === 45))) {
      inWord = false
    }
  }
  return count
}

function isLetterOrDigit(code: number, text: string, i: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  // Low surrogates belong to the code point tested at the high one.
  if (code >= 0xdc00 && code <= 0xdfff) return i > 0 && isLetterOrDigit(text.charCodeAt(i - 1), text, i - 1)
  return letterOrDigit.test(String.fromCodePoint(text.codePointAt(i) ?? code))
}
