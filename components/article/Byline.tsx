import { ViewCount } from '@/components/article/ViewCount'
import type { AnswerDetail } from '@/lib/data/answers'
import { formatDate } from '@/lib/format'

export function Byline({ answer }: { answer: AnswerDetail }) {
  const items = [
    <span key="author" className="font-medium text-slate-800 dark:text-slate-200">
      {answer.author}
    </span>,
    answer.basedOn ? <span key="based">Based on {answer.basedOn}</span> : null,
    <span key="published">
      Published <time dateTime={answer.publishedAt.slice(0, 10)}>{formatDate(answer.publishedAt)}</time>
    </span>,
    answer.revisedAt ? (
      <span key="updated">
        Updated <time dateTime={answer.revisedAt.slice(0, 10)}>{formatDate(answer.revisedAt)}</time>
      </span>
    ) : null,
    <ViewCount key="views" slug={answer.slug} initial={answer.views} />,
    <span key="reading">{answer.readingMinutes} min read</span>,
  ].filter(Boolean)
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600 dark:text-slate-400">
      {items.map((item, index) => (
        <span key={index} className="flex items-center gap-x-2">
          {index > 0 ? <span aria-hidden="true">·</span> : null}
          {item}
        </span>
      ))}
    </p>
  )
}
