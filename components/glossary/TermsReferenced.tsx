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
      <h2 id="terms-referenced" className="section-title">
        Glossary terms referenced
      </h2>
      <dl className="terms-list">
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
