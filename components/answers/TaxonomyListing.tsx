import { AnswerList } from '@/components/answers/AnswerList'
import { Breadcrumb } from '@/components/article/Breadcrumb'
import type { TaxonomyPage } from '@/lib/data/taxonomy'
import { formatCount } from '@/lib/format-count'

/** The shared shape of category and tag pages: heading, count, newest answers first. */
export function TaxonomyListing({
  page,
  kind,
  crumbs,
  path,
}: {
  page: TaxonomyPage
  kind: 'Category' | 'Topic'
  crumbs: { href: string; label: string }[]
  /** The listing's own address, last in the breadcrumb trail search engines read. */
  path: string
}) {
  const heading = kind === 'Topic' ? `#${page.name}` : page.name
  return (
    <div className="mx-auto max-w-3xl">
      <Breadcrumb items={crumbs} current={{ href: path, label: heading }} />
      <p className="text-sm font-medium tracking-wide text-sky-700 uppercase dark:text-sky-300">{kind}</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl dark:text-white">
        {heading}
      </h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{formatCount(page.answers.length, 'answer')}, newest first</p>
      <AnswerList answers={page.answers} headingLevel="h2" showCategory={kind !== 'Category'} />
    </div>
  )
}
