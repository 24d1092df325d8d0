import { caseSeed, createRng, type Draft, type HostileCase, type Rng } from '@/tests/helpers/hostile/base'
import { longLineTemplates } from '@/tests/helpers/hostile/long-lines'
import { mdxOddity, snippets } from '@/tests/helpers/hostile/mdx-oddities'
import { mutation, mutationBases, mutations, oddNames, oddPath, truncation } from '@/tests/helpers/hostile/mutations'
import { nesting, nestingDepths, nestingKinds } from '@/tests/helpers/hostile/nesting'
import { oddByteTemplates } from '@/tests/helpers/hostile/odd-bytes'
import { yamlTemplates } from '@/tests/helpers/hostile/yaml'

const fromTemplates = (templates: readonly ((rng: Rng) => Draft)[]) => ({
  templates: templates.length,
  generate: (rng: Rng, index: number): Draft => {
    const template = templates[index % templates.length]
    if (!template) throw new Error('no templates')
    return template(rng)
  },
})

export const hostileClasses = {
  nesting: { templates: nestingKinds.length * nestingDepths.length, generate: nesting },
  'long-lines': fromTemplates(longLineTemplates),
  'odd-bytes': fromTemplates(oddByteTemplates),
  'odd-yaml': fromTemplates(yamlTemplates),
  'mdx-oddities': { templates: snippets.length, generate: mdxOddity },
  mutations: { templates: mutations.length, generate: mutation },
  truncation: { templates: mutationBases.reduce((sum, text) => sum + Math.ceil(Buffer.byteLength(text) / 7), 0), generate: truncation },
  'odd-paths': { templates: oddNames.length, generate: oddPath },
} as const satisfies Record<string, { templates: number; generate: (rng: Rng, index: number) => Draft }>

export type HostileClassName = keyof typeof hostileClasses
export const hostileClassNames = Object.keys(hostileClasses) as HostileClassName[]

export function generateCase(className: HostileClassName, seed: number, index: number): HostileCase {
  const draft = hostileClasses[className].generate(createRng(caseSeed(seed, className, index)), index)
  return {
    className,
    seed,
    index,
    label: draft.label,
    relPath: draft.relPath ?? `answers/m-hostile.${draft.format ?? 'mdx'}`,
    content: typeof draft.content === 'string' ? Buffer.from(draft.content) : draft.content,
    expect: draft.expect,
  }
}
