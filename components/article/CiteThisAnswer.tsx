import { CitationControls } from '@/components/article/CitationControls'
import { apaCitation } from '@/lib/citations/format-citations'
import { citationElementId } from '@/lib/citations/formats'
import type { AnswerDetail } from '@/lib/data/answers'

const linkClass = 'text-link'

/**
 * "Cite this answer": APA 7 rendered on the server, so it is there to read and select without JavaScript. The
 * other formats stay off the page (each would travel twice, as HTML and as flight data): the selector fetches
 * them from /api/citations/<slug>.json, and the links below serve them without JavaScript.
 */
export function CiteThisAnswer({ answer }: { answer: AnswerDetail }) {
  const base = `/api/citations/${answer.slug}`
  return (
    <section aria-labelledby="cite-this-answer" className="cite-box">
      <CitationControls
        slug={answer.slug}
        heading={
          <h2 id="cite-this-answer" className="section-title">
            Cite this answer
          </h2>
        }
        apa={
          <p
            id={citationElementId('apa')}
            data-rich="true"
            className="text-sm"
            // Built by lib/citations/rich-text.ts from a strict parse of citeproc's output: escaped text and
            // <i> only, with non-ASCII characters as references so the page's HTML stays ASCII.
            dangerouslySetInnerHTML={{ __html: apaCitation(answer).html }}
          />
        }
      />
      <p className="mt-4 flex flex-wrap gap-x-5 gap-y-2 text-sm">
        <a href={`${base}.bib`} download className={linkClass}>
          Download .bib
        </a>
        <a href={`${base}.ris`} download className={linkClass}>
          Download .ris
        </a>
        <a href={`${base}.txt`} className={linkClass}>
          All formats (text)
        </a>
      </p>
      <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
        Formatted with styles from the{' '}
        <a href="https://citationstyles.org/" className="underline hover:text-slate-700 dark:hover:text-slate-200">
          Citation Style Language
        </a>{' '}
        project.
      </p>
    </section>
  )
}
