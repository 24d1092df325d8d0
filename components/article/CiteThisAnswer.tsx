import { CitationControls } from '@/components/article/CitationControls'
import { formatCitations } from '@/lib/citations/format-citations'
import { citationElementId, citationFormats } from '@/lib/citations/formats'
import type { AnswerDetail } from '@/lib/data/answers'
import styles from '@/components/article/CiteThisAnswer.module.css'

const linkClass = 'font-medium text-sky-700 hover:underline dark:text-sky-300'

/** "Cite this answer": every format rendered on the server; the client part only selects and copies. */
export function CiteThisAnswer({ answer }: { answer: AnswerDetail }) {
  const citations = formatCitations(answer)
  return (
    <section
      aria-labelledby="cite-this-answer"
      className={`${styles.root} mt-10 rounded-lg border border-slate-200 p-4 sm:p-5 dark:border-slate-800`}
    >
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="cite-this-answer" className="text-xl font-semibold text-slate-900 dark:text-white">
          Cite this answer
        </h2>
        <CitationControls />
      </div>
      <div className="mt-4 *:rounded-md *:bg-slate-50 *:p-3 *:leading-relaxed *:break-words *:text-slate-800 dark:*:bg-slate-900 dark:*:text-slate-200">
        {citationFormats.map(({ id }) => {
          const citation = citations[id]
          return typeof citation === 'string' ? (
            <pre key={id} id={citationElementId(id)} data-citation-format={id} className="font-mono text-xs whitespace-pre-wrap">
              {citation}
            </pre>
          ) : (
            <p
              key={id}
              id={citationElementId(id)}
              data-citation-format={id}
              data-rich="true"
              className="text-sm"
              // Built by lib/citations/rich-text.ts from a strict parse of citeproc's output: escaped text and
              // <i> only, with non-ASCII characters as references so the page's HTML stays ASCII.
              dangerouslySetInnerHTML={{ __html: citation.html }}
            />
          )
        })}
      </div>
      <p data-citation-hint="harvard" className="mt-2 text-xs text-slate-500 dark:text-slate-400">
        Cite Them Right ends a web reference with the date you read the page: add (Accessed: day month year).
      </p>
      <p className="mt-4 flex flex-wrap gap-x-5 gap-y-2 text-sm">
        <a href={`/api/citations/${answer.slug}.bib`} download className={linkClass}>
          Download .bib
        </a>
        <a href={`/api/citations/${answer.slug}.ris`} download className={linkClass}>
          Download .ris
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
