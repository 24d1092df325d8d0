import Link from 'next/link'
import { termDefinitionId } from '@/components/glossary/term-definition-id'
import type { TermDefinition } from '@/lib/data/answers'

/**
 * Every glossary term linked in an answer, in order of first appearance, with its short definition: the only copy
 * of the definitions on the page (the popovers read it, see TermPopover), so it also serves readers without
 * JavaScript. Styled from the list element, so no class string repeats per term.
 */
export function TermsReferenced({ terms }: { terms: readonly TermDefinition[] }) {
  if (terms.length === 0) return null
  return (
    <section aria-labelledby="terms-referenced" className="mt-12">
      <h2 id="terms-referenced" className="text-xl font-semibold text-slate-900 dark:text-white">
        Glossary terms referenced
      </h2>
      <dl className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 *:px-4 *:py-3 dark:divide-slate-800 dark:border-slate-800 [&_a]:font-medium [&_a]:text-sky-700 dark:[&_a]:text-sky-300 [&_a:hover]:underline [&_dd]:mt-0.5 [&_dd]:text-sm [&_dd]:text-slate-600 dark:[&_dd]:text-slate-400">
        {terms.map((term) => (
          <div key={term.slug}>
            <dt>
              <Link href={`/glossary/${term.slug}`} prefetch={false}>
                {term.term}
              </Link>
            </dt>
            <dd id={termDefinitionId(term.slug)}>{term.short}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
