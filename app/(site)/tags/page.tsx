import type { Metadata } from 'next'
import Link from 'next/link'
import { listTags } from '@/lib/data/taxonomy'
import { paths } from '@/lib/metadata/absolute-url'
import { pageMetadata } from '@/lib/metadata/page-metadata'

export const revalidate = 300
export const metadata: Metadata = pageMetadata({ title: 'Topics', description: 'Every topic tag with its number of answers.', path: paths.tags })

export default async function TagsPage() {
  const tags = await listTags()
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl dark:text-white">Topics</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">Every tag used in our answers, with how many answers carry it.</p>
      <ul className="mt-8 flex flex-wrap gap-2">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <Link
              href={`/tags/${tag.slug}`}
              className="inline-flex items-center gap-2 rounded-full border border-slate-200 px-3 py-1.5 text-sm text-slate-700 hover:border-sky-400 hover:text-sky-800 dark:border-slate-800 dark:text-slate-300 dark:hover:text-sky-300"
            >
              #{tag.name}
              <span className="text-xs text-slate-500 dark:text-slate-400">{tag.count}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
