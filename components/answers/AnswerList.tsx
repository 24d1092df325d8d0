import Link from 'next/link'
import { Dot } from '@/components/ui/Icons'
import type { AnswerListItem } from '@/lib/data/answers'
import { formatDate } from '@/lib/format'

export function AnswerList({ answers, headingLevel = 'h3', showCategory = true }: { answers: AnswerListItem[]; headingLevel?: 'h2' | 'h3'; showCategory?: boolean }) {
  const Heading = headingLevel
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800">
      {answers.map((answer) => (
        <li key={answer.slug} className="py-5">
          <article>
            <Heading className="text-lg leading-snug font-semibold text-slate-900 dark:text-white">
              <Link href={`/ask/${answer.slug}`} className="hover:text-sky-700 hover:underline dark:hover:text-sky-300">
                {answer.title}
              </Link>
            </Heading>
            <p className="mt-1.5 line-clamp-3 text-slate-600 dark:text-slate-400">{answer.summary}</p>
            <p className="mt-2 flex flex-wrap items-center gap-x-2 text-sm text-slate-500 dark:text-slate-400">
              {showCategory ? (
                <>
                  <Link href={`/category/${answer.category.slug}`} className="text-link">
                    {answer.category.name}
                  </Link>
                  <Dot />
                </>
              ) : null}
              <time dateTime={answer.publishedAt.slice(0, 10)}>{formatDate(answer.publishedAt)}</time>
              <Dot />
              <span>{answer.readingMinutes} min read</span>
            </p>
          </article>
        </li>
      ))}
    </ul>
  )
}
