import { CitationControls } from '@/components/article/CitationControls'
import { formatCitations } from '@/lib/citations/format-citations'
import { citationElementId, citationFormats, type CitationFormatId } from '@/lib/citations/formats'
import type { AnswerDetail } from '@/lib/data/answers'

// Which citation shows follows the selector's checked option, in CSS, so it needs no JavaScript. APA is shown
// unless another option is checked, so a browser without :has() still shows the default.
const visibility: Record<CitationFormatId, string> = {
  apa: 'block group-has-[option:not([value=apa]):checked]/cite:hidden',
  mla: 'hidden group-has-[option[value=mla]:checked]/cite:block',
  'chicago-note': 'hidden group-has-[option[value=chicago-note]:checked]/cite:block',
  'chicago-bibliography': 'hidden group-has-[option[value=chicago-bibliography]:checked]/cite:block',
  harvard: 'hidden group-has-[option[value=harvard]:checked]/cite:block',
  bibtex: 'hidden group-has-[option[value=bibtex]:checked]/cite:block',
  ris: 'hidden group-has-[option[value=ris]:checked]/cite:block',
  'csl-json': 'hidden group-has-[option[value=csl-json]:checked]/cite:block',
}

const linkClass = 'font-medium text-sky-700 hover:underline dark:text-sky-300'

/** "Cite this answer": every format rendered on the server; the client part only selects and copies. */
export function CiteThisAnswer({ answer }: { answer: AnswerDetail }) {
  const citations = formatCitations(answer)
  return (
    <section
      aria-labelledby="cite-this-answer"
      className="group/cite mt-10 rounded-lg border border-slate-200 p-4 sm:p-5 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="cite-this-answer" className="text-xl font-semibold text-slate-900 dark:text-white">
          Cite this answer
        </h2>
        <CitationControls />
      </div>
      <div className="mt-4">
        {citationFormats.map((format) => {
          const citation = citations[format.id]
          const id = citationElementId(format.id)
          return (
            <div key={format.id} className={visibility[format.id]} data-citation-format={format.id}>
              {typeof citation === 'string' ? (
                <pre
                  id={id}
                  className="rounded-md bg-slate-50 p-3 font-mono text-xs leading-relaxed break-words whitespace-pre-wrap text-slate-800 dark:bg-slate-900 dark:text-slate-200"
                >
                  {citation}
                </pre>
              ) : (
                <p
                  id={id}
                  data-rich="true"
                  className="rounded-md bg-slate-50 p-3 text-sm leading-relaxed break-words text-slate-800 dark:bg-slate-900 dark:text-slate-200"
                  // Built by lib/citations/rich-text.ts from a strict parse of citeproc's output: escaped text and
                  // <i> only, with non-ASCII characters as references so the page's HTML stays ASCII.
                  dangerouslySetInnerHTML={{ __html: citation.html }}
                />
              )}
              {format.id === 'harvard' ? (
                <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
                  Cite Them Right ends a web reference with the day you read it: add (Accessed: day month year).
                </p>
              ) : null}
            </div>
          )
        })}
      </div>
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
