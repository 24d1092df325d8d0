import Link from 'next/link'
import type { TermDefinition } from '@/lib/data/answers'

/** Every glossary term linked in an answer, in order of first appearance. */
export function TermsReferenced({ terms }: { terms: readonly TermDefinition[] }) {
  if (terms.length === 0) return null
  return (
    <section aria-labelledby="terms-referenced" className="mt-12">
      <h2 id="terms-referenced" className="text-xl font-semibold text-slate-900 dark:text-white">
        Glossary terms referenced
      </h2>
      <dl className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {terms.map((term) => (
          <div key={term.slug} className="px-4 py-3">
            <dt>
              <Link href={`/glossary/${term.slug}`} className="font-medium text-sky-700 hover:underline dark:text-sky-300">
                {term.term}
              </Link>
            </dt>
            <dd className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">{term.short}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
