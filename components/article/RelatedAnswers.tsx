import Link from 'next/link'
import type { AnswerListItem } from '@/lib/data/answers'

export function RelatedAnswers({ answers }: { answers: AnswerListItem[] }) {
  if (answers.length === 0) return null
  return (
    <section aria-labelledby="keep-reading" className="mt-12">
      <h2 id="keep-reading" className="text-xl font-semibold text-slate-900 dark:text-white">
        Keep reading
      </h2>
      <ul className="mt-4 grid gap-4 sm:grid-cols-3">
        {answers.map((answer) => (
          <li key={answer.slug}>
            <Link
              href={`/ask/${answer.slug}`}
              className="block h-full rounded-lg border border-slate-200 p-4 transition hover:border-sky-400 hover:shadow-sm dark:border-slate-800 dark:hover:border-sky-600"
            >
              <span className="text-xs font-medium tracking-wide text-sky-700 uppercase dark:text-sky-300">{answer.category.name}</span>
              <span className="mt-1 block leading-snug font-medium text-slate-900 dark:text-white">{answer.title}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
