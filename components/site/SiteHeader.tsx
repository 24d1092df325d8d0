import Link from 'next/link'
import { site } from '@/lib/site'

const nav = [
  { href: '/', label: 'Answers' },
  { href: '/glossary', label: 'Glossary' },
  { href: '/tags', label: 'Topics' },
]

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white/90 dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight text-slate-900 dark:text-white">
          <span aria-hidden="true" className="inline-grid size-7 place-items-center rounded-md bg-sky-700 text-sm font-bold text-white">
            ?
          </span>
          {site.name}
        </Link>
        <nav aria-label="Main">
          <ul className="flex gap-5 text-sm font-medium text-slate-600 dark:text-slate-300">
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="hover:text-sky-700 dark:hover:text-sky-300">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  )
}
