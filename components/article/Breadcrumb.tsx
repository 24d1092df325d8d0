import Link from 'next/link'
import { ChevronRightIcon } from '@/components/ui/Icons'

export function Breadcrumb({ items }: { items: { href: string; label: string }[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-4 text-sm text-slate-600 dark:text-slate-400">
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
