import Link from 'next/link'

export function TagList({ tags }: { tags: { slug: string; name: string }[] }) {
  if (tags.length === 0) return null
  return (
    <ul aria-label="Tags" className="flex flex-wrap gap-2">
      {tags.map((tag) => (
        <li key={tag.slug}>
          <Link
            href={`/tags/${tag.slug}`}
            className="inline-block rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-700 hover:bg-sky-100 hover:text-sky-800 dark:bg-slate-800 dark:text-slate-300 dark:hover:bg-sky-900 dark:hover:text-sky-200"
          >
            #{tag.name}
          </Link>
        </li>
      ))}
    </ul>
  )
}
