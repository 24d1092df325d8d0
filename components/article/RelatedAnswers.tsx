import Link from 'next/link'
import type { AnswerListItem } from '@/lib/data/answers'

export function RelatedAnswers({ answers }: { answers: AnswerListItem[] }) {
  if (answers.length === 0) return null
  return (
    <section aria-labelledby="keep-reading" className="mt-12">
      <h2 id="keep-reading" className="section-title">
        Keep reading
      </h2>
      <ul className="mt-4 grid gap-4 sm:grid-cols-3">
        {answers.map((answer) => (
          <li key={answer.slug}>
            <Link href={`/ask/${answer.slug}`} className="answer-card">
              <span className="answer-card-kicker">{answer.category.name}</span>
              <span className="answer-card-title">{answer.title}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
