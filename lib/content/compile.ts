import { compile } from '@mdx-js/mdx'
import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import { VFile } from 'vfile'
import type { Problem } from '@/lib/content/problem'
import { checkSafety } from '@/lib/mdx/check-safety'
import { linkGlossaryTerms } from '@/lib/mdx/link-glossary'
import type { TermMatcher } from '@/lib/mdx/term-matcher'

export interface CompiledBody {
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
}

export type CompileResult = { ok: true; value: CompiledBody } | { ok: false; problems: Problem[] }

export interface Compiler {
  compile(input: CompileInput): Promise<CompileResult>
}

class CheckFailed extends Error {}

interface Analysis {
  terms: string[]
  wordCount: number
  firstParagraph: string
}

/** One reusable MDX processor per glossary state: check → link → compile to a function body. */
export function createCompiler(options: { matcher: TermMatcher; knownSlugs: ReadonlySet<string> }): Compiler {
  const analyse = () => (tree: Root, file: VFile) => {
    checkSafety(tree, file)
    const terms = linkGlossaryTerms(tree, file, options)
    if (file.messages.length > 0) throw new CheckFailed()
    const firstParagraph = tree.children.find((node) => node.type === 'paragraph')
    const analysis: Analysis = {
      terms,
      wordCount: countWords(toString(tree)),
      firstParagraph: firstParagraph ? toString(firstParagraph).replace(/\s+/g, ' ').trim() : '',
    }
    file.data.analysis = analysis
  }
  // A fresh processor per file measured faster than reusing one (bench/README).
  const compileFile = (vfile: VFile, format: 'mdx' | 'md') =>
    compile(vfile, { format, outputFormat: 'function-body', remarkPlugins: [remarkGfm, analyse] })

  return {
    async compile({ file, body, bodyLine, format }) {
      const vfile = new VFile({ path: file, value: body })
      const toProblem = (line: number | undefined, column: number | undefined, message: string): Problem => ({
        file,
        line: (line ?? 1) + bodyLine - 1,
        column: column ?? 1,
        message,
      })
      if (body.trim() === '') return { ok: false, problems: [toProblem(1, 1, 'the answer body is empty: write the answer below the front matter')] }
      try {
        const output = await compileFile(vfile, format)
        const analysis = output.data.analysis as Analysis
        return { ok: true, value: { code: String(output), ...analysis } }
      } catch (error) {
        if (error instanceof CheckFailed) {
          return { ok: false, problems: vfile.messages.map((m) => toProblem(m.line, m.column, m.reason)) }
        }
        const message = error as { line?: number; column?: number; reason?: string; source?: string }
        if (message.reason === undefined) throw error
        const unclosed = /^Expected a closing tag for `<([^>]*)>` \((\d+):(\d+)-/.exec(message.reason)
        if (unclosed) {
          return { ok: false, problems: [toProblem(Number(unclosed[2]), Number(unclosed[3]), `<${unclosed[1]}> is never closed: add </${unclosed[1]}> after its content`)] }
        }
        return { ok: false, problems: [toProblem(message.line, message.column, explainSyntaxError(message.reason, message.source))] }
      }
    },
  }
}

function explainSyntaxError(reason: string, source: string | undefined): string {
  const text = `MDX syntax error: ${reason.replace(/\s+/g, ' ')}`
  if (source === 'micromark-extension-mdx-jsx' || source === 'mdast-util-mdx-jsx') {
    return `${text} (to write a literal "<" in text, use \\<)`
  }
  if (source === 'micromark-extension-mdx-expression' || source === 'micromark-extension-mdxjs-esm') {
    return `${text} (to write a literal "{" in text, use \\{)`
  }
  return text
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,%-]*/gu)?.length ?? 0
}
