import Link from 'next/link'

// The pill style is set once on the list for its links, not repeated on each of up to 12 tags (in the HTML and
// again in the page's flight payload). Tags are not prefetched: up to 12 listing pages fetched on every answer
// view, right after load, for links few readers follow.
const pills =
  '[&_a]:inline-block [&_a]:rounded-full [&_a]:bg-slate-100 [&_a]:px-3 [&_a]:py-1 [&_a]:text-xs [&_a]:font-medium [&_a]:text-slate-700 [&_a:hover]:bg-sky-100 [&_a:hover]:text-sky-800 dark:[&_a]:bg-slate-800 dark:[&_a]:text-slate-300 dark:[&_a:hover]:bg-sky-900 dark:[&_a:hover]:text-sky-200'

export function TagList({ tags }: { tags: { slug: string; name: string }[] }) {
  if (tags.length === 0) return null
  return (
    <ul aria-label="Tags" className={`flex flex-wrap gap-2 ${pills}`}>
      {tags.map((tag) => (
        <li key={tag.slug}>
          <Link href={`/tags/${tag.slug}`} prefetch={false}>
            #{tag.name}
          </Link>
        </li>
      ))}
    </ul>
  )
}
