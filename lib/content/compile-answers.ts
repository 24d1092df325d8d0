import type { CompileResult } from '@/lib/content/compile'
import { compileAll } from '@/lib/content/compile-pool'
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
  /** Threads that compiled (1 unless compile workers ran). */
  threads: number
}

/**
 * Compiles the planned answers against the new glossary (in worker threads too when there are many:
 * compile-pool.ts), then collects writes and problems in file order, so the result never depends on timing.
 */
export async function compileAnswers(
  toCompile: readonly AnswerToCompile[],
  index: GlossaryIndex,
  onProgress?: (done: number, total: number) => void,
): Promise<CompiledAnswers> {
  const inputs = toCompile.map(({ answer }) => ({
    file: answer.source.file,
    body: answer.split.body,
    bodyLine: answer.bodyLine,
    format: answer.source.format,
    protectedPhrases: sourcePhrases(answer.data.basedOn),
  }))
  const compiled: CompileResult[] = new Array(inputs.length)
  let done = 0
  onProgress?.(0, inputs.length)
  const threads = await compileAll(inputs, {
    glossary: index,
    onResult: (i, result) => {
      compiled[i] = result
      onProgress?.(++done, inputs.length)
    },
  })
  const result: CompiledAnswers = { writes: [], problems: [], counts: { new: 0, changed: 0, relinked: 0 }, threads: Math.max(1, threads) }
  toCompile.forEach(({ answer, change }, i) => {
    const outcome = compiled[i]
    if (!outcome) throw new Error(`compileAnswers: no result for ${answer.source.file}`)
    if (!outcome.ok) {
      result.problems.push(...outcome.problems)
      return
    }
    result.counts[change]++
    result.writes.push(toAnswerWrite(answer, outcome.value, index))
  })
  return result
}
