import type { ReactNode } from 'react'
import { ViewCount } from '@/components/article/ViewCount'
import type { AnswerDetail } from '@/lib/data/answers'
import { formatDate } from '@/lib/format'

function Dotted({ items }: { items: ReactNode[] }) {
  return (
    <>
      {items.map((item, index) => (
        <span key={index} className="whitespace-nowrap">
          {index > 0 ? (
            <span aria-hidden="true" className="dot-sep" />
          ) : null}
          {item}
        </span>
      ))}
    </>
  )
}

/** Who wrote it and what it draws on, then when, how long it takes and how often it was read. */
export function Byline({ answer }: { answer: AnswerDetail }) {
  const who: ReactNode[] = [<span key="a" className="font-medium text-slate-800 dark:text-slate-200">{answer.author}</span>]
  if (answer.basedOn) who.push(<span key="b">Based on {answer.basedOn}</span>)
  const when: ReactNode[] = [
    <span key="p">
      Published <time dateTime={answer.publishedAt.slice(0, 10)}>{formatDate(answer.publishedAt)}</time>
    </span>,
  ]
  if (answer.revisedAt) {
    when.push(
      <span key="u">
        Updated <time dateTime={answer.revisedAt.slice(0, 10)}>{formatDate(answer.revisedAt)}</time>
      </span>,
    )
  }
  // The live count comes last: when it replaces the cached one and changes width, nothing after it moves (CLS 0).
  when.push(<span key="r">{answer.readingMinutes} min read</span>, <ViewCount key="v" slug={answer.slug} initial={answer.views} />)
  return (
    <div className="space-y-1 text-sm text-slate-600 dark:text-slate-400">
      <p className="flex flex-wrap gap-x-4 gap-y-1 sm:gap-x-0">
        <Dotted items={who} />
      </p>
      <p className="flex flex-wrap gap-x-4 gap-y-1 sm:gap-x-0">
        <Dotted items={when} />
      </p>
      {answer.reviewedAt ? (
        // Its own line, free to wrap: a reviewer's name can be long.
        <p>
          Reviewed{answer.reviewedBy ? ` by ${answer.reviewedBy}` : ''} on{' '}
          <time dateTime={answer.reviewedAt.slice(0, 10)}>{formatDate(answer.reviewedAt)}</time>
        </p>
      ) : null}
    </div>
  )
}
