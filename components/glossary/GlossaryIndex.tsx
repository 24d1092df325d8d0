'use client'

import Link from 'next/link'
import { useDeferredValue, useMemo, useState, useSyncExternalStore } from 'react'

export interface GlossaryIndexEntry {
  slug: string
  term: string
  short: string
  aliases: string[]
}

export function letterOf(term: string): string {
  const first = term.normalize('NFKD').charAt(0).toUpperCase()
  return /[A-Z]/.test(first) ? first : '#'
}

const letters = ['#', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ']

/**
 * A–Z glossary with a letter bar and an instant filter. Rendered on the server as the full list, so it works
 * without JavaScript; the filter box only appears once the page is interactive.
 */
const noSubscription = () => () => {}

export function GlossaryIndex({ entries }: { entries: GlossaryIndexEntry[] }) {
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false)
  const [query, setQuery] = useState('')
  const deferred = useDeferredValue(query.trim().toLowerCase())
  const visible = useMemo(
    () =>
      deferred
        ? entries.filter((e) => [e.term, ...e.aliases, e.short].some((text) => text.toLowerCase().includes(deferred)))
        : entries,
    [entries, deferred],
  )
  const groups = useMemo(() => {
    const map = new Map<string, GlossaryIndexEntry[]>()
    for (const entry of visible) {
      const letter = letterOf(entry.term)
      map.set(letter, [...(map.get(letter) ?? []), entry])
    }
    return map
  }, [visible])
  const allLetters = useMemo(() => new Set(entries.map((e) => letterOf(e.term))), [entries])

  return (
    <div>
      {hydrated ? (
      <label className="mt-6 block max-w-md">
        <span className="text-sm font-medium text-slate-700 dark:text-slate-300">Filter terms</span>
        <input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="e.g. theta, VIX, contango"
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 placeholder:text-slate-400 dark:border-slate-700 dark:bg-slate-900 dark:text-white"
        />
      </label>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {deferred ? `${visible.length} of ${entries.length} terms match` : ''}
      </p>
      <nav aria-label="Glossary letters" className="sticky top-0 z-10 -mx-4 mt-6 bg-white/95 px-4 py-2 backdrop-blur sm:mx-0 sm:px-0 dark:bg-slate-950/95">
        <ul className="flex flex-wrap gap-1">
          {letters.map((letter) => (
            <li key={letter}>
              {allLetters.has(letter) ? (
                <a
                  href={`#letter-${letter === '#' ? 'num' : letter}`}
                  className={`grid size-8 place-items-center rounded text-sm font-medium ${groups.has(letter) ? 'text-sky-700 hover:bg-sky-100 dark:text-sky-300 dark:hover:bg-slate-800' : 'text-slate-400 dark:text-slate-600'}`}
                >
                  {letter}
                </a>
              ) : (
                <span aria-hidden="true" className="grid size-8 place-items-center text-sm text-slate-300 dark:text-slate-700">
                  {letter}
                </span>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {visible.length === 0 ? <p className="mt-8 text-slate-600 dark:text-slate-400">No terms match &quot;{query}&quot;.</p> : null}
      {[...groups].map(([letter, items]) => (
        <section key={letter} id={`letter-${letter === '#' ? 'num' : letter}`} aria-labelledby={`heading-${letter === '#' ? 'num' : letter}`} className="mt-8 scroll-mt-16">
          <h2 id={`heading-${letter === '#' ? 'num' : letter}`} className="border-b border-slate-200 pb-1 text-2xl font-bold text-slate-900 dark:border-slate-800 dark:text-white">
            {letter}
          </h2>
          <dl className="mt-3 space-y-4">
            {items.map((entry) => (
              <div key={entry.slug}>
                <dt>
                  <Link href={`/glossary/${entry.slug}`} className="font-semibold text-sky-700 hover:underline dark:text-sky-300">
                    {entry.term}
                  </Link>
                </dt>
                <dd className="mt-0.5 text-slate-600 dark:text-slate-400">{entry.short}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  )
}
