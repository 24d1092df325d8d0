import type { Metadata } from 'next'
import Link from 'next/link'
import { AnswerList } from '@/components/answers/AnswerList'
import { JsonLd } from '@/components/metadata/JsonLd'
import { countAnswers, listNewestAnswers } from '@/lib/data/answers'
import { listCategories } from '@/lib/data/taxonomy'
import { formatCount } from '@/lib/format-count'
import { paths } from '@/lib/metadata/absolute-url'
import { pageMetadata } from '@/lib/metadata/page-metadata'
import { websiteJsonLd } from '@/lib/metadata/structured-data'
import { site } from '@/lib/site'

export const revalidate = 300
export const metadata: Metadata = pageMetadata({ title: site.name, absoluteTitle: true, description: site.description, path: paths.home })

export default async function HomePage() {
  const [answers, categories, total] = await Promise.all([listNewestAnswers(10), listCategories(), countAnswers()])
  return (
    <div className="space-y-12">
      <JsonLd data={websiteJsonLd()} />
      <section className="max-w-3xl">
        <h1 className="text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl dark:text-white">{site.name}</h1>
        <p className="mt-4 text-lg text-slate-600 dark:text-slate-300">{site.tagline}</p>
        <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">
          {formatCount(total, 'answer')} by the {site.publisher}.
        </p>
      </section>
      <div className="grid gap-12 lg:grid-cols-[1fr_16rem]">
        <section aria-labelledby="newest">
          <h2 id="newest" className="section-title">
            Newest answers
          </h2>
          {answers.length > 0 ? (
            <AnswerList answers={answers} />
          ) : (
            <p className="mt-4 text-slate-600 dark:text-slate-400">No answers have been published yet.</p>
          )}
        </section>
        <section aria-labelledby="categories">
          <h2 id="categories" className="section-title">
            Categories
          </h2>
          <ul className="mt-4 space-y-1">
            {categories.map((category) => (
              <li key={category.slug}>
                <Link
                  href={`/category/${category.slug}`}
                  className="flex items-center justify-between rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100 hover:text-sky-800 dark:text-slate-300 dark:hover:bg-slate-900 dark:hover:text-sky-300"
                >
                  <span>{category.name}</span>
                  <span className="rounded-full bg-slate-100 px-2 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-400">
                    {category.count}
                    <span className="sr-only"> answers</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  )
}
