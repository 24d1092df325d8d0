import { createCompiler } from '@/lib/content/compile'
import type { GlossaryIndex } from '@/lib/content/glossary'
import type { AnswerToCompile } from '@/lib/content/plan-answers'
import type { Problem } from '@/lib/content/problem'
import { toAnswerWrite } from '@/lib/content/records'
import type { AnswerWrite } from '@/lib/data/content-store'
import { sourcePhrases } from '@/lib/mdx/link-glossary'

export interface CompiledAnswers {
  writes: AnswerWrite[]
  problems: Problem[]
  counts: { new: number; changed: number; relinked: number }
}

/** Compiles the planned answers against the new glossary, one at a time. */
export async function compileAnswers(
  toCompile: readonly AnswerToCompile[],
  index: GlossaryIndex,
  onProgress?: (done: number, total: number) => void,
): Promise<CompiledAnswers> {
  const compiler = createCompiler(index)
  const result: CompiledAnswers = { writes: [], problems: [], counts: { new: 0, changed: 0, relinked: 0 } }
  let done = 0
  onProgress?.(0, toCompile.length)
  // One at a time: compiling concurrently keeps every syntax tree alive at once and measured slower (GC).
  for (const { answer, change } of toCompile) {
    const compiled = await compiler.compile({ file: answer.source.file, body: answer.split.body, bodyLine: answer.bodyLine, format: answer.source.format, protectedPhrases: sourcePhrases(answer.data.basedOn) })
    onProgress?.(++done, toCompile.length)
    if (!compiled.ok) {
      result.problems.push(...compiled.problems)
      continue
    }
    result.counts[change]++
    result.writes.push(toAnswerWrite(answer, compiled.value, index))
  }
  return result
}
