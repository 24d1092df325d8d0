import Link from 'next/link'

// The pill style is set once on the list for its links (the tag-pills utility in app/globals.css), not repeated on
// each of up to 12 tags. Tags are not prefetched: up to 12 listing pages fetched on every answer view, right after
// load, for links few readers follow.

export function TagList({ tags }: { tags: { slug: string; name: string }[] }) {
  if (tags.length === 0) return null
  return (
    <ul aria-label="Tags" className="tag-pills">
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
