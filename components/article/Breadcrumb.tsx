import Link from 'next/link'
import { JsonLd } from '@/components/metadata/JsonLd'
import { ChevronRightIcon } from '@/components/ui/Icons'
import { breadcrumbJsonLd } from '@/lib/metadata/structured-data'

type Crumb = { href: string; label: string }

/**
 * Home, then `items` as links. `current` (the page itself) is not shown, since the heading below says it, but ends
 * the BreadcrumbList that search engines read.
 */
export function Breadcrumb({ items, current }: { items: Crumb[]; current?: Crumb }) {
  const trail = [{ href: '/', label: 'Home' }, ...items, ...(current ? [current] : [])]
  return (
    <nav aria-label="Breadcrumb" className="mb-4 text-sm text-slate-600 dark:text-slate-400">
      <JsonLd data={breadcrumbJsonLd(trail)} />
      <ol className="flex flex-wrap items-center gap-1.5">
        <li>
          <Link href="/" className="hover:text-sky-700 hover:underline dark:hover:text-sky-300">
            Home
          </Link>
        </li>
        {items.map((item) => (
          <li key={item.href} className="flex items-center gap-1.5">
            <ChevronRightIcon className="size-3.5 text-slate-400" />
            <Link href={item.href} className="hover:text-sky-700 hover:underline dark:hover:text-sky-300">
              {item.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  )
}
