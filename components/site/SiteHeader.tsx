import Link from 'next/link'
import { HeaderSearch } from '@/components/search/HeaderSearch'
import { site } from '@/lib/site'

const nav = [
  { href: '/', label: 'Answers' },
  { href: '/glossary', label: 'Glossary' },
  { href: '/tags', label: 'Topics' },
]

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header-bar">
        <Link href="/" className="site-brand">
          <span aria-hidden="true" className="site-logo">
            ?
          </span>
          {site.name}
        </Link>
        <nav aria-label="Main" className="sm:ml-auto">
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
        <HeaderSearch />
      </div>
    </header>
  )
}
