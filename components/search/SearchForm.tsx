'use client'
import { useRouter } from 'next/navigation'
import { useEffect, useRef, useState } from 'react'
import { searchHref } from '@/lib/search/search-href'
import { SearchIcon } from './SearchIcon'

/** How long typing must pause before the results follow: at most one search per this many milliseconds. */
export const typingPauseMs = 150

/**
 * The search page's form: a GET form (without JavaScript, Enter or the button loads /search?q=…); with it, the
 * results follow the typing, the URL is replaced in place (no history entry per letter), and the category and tag
 * filters stay as they were. Next's router renders only the latest of overlapping navigations, so a slow answer
 * to an older query never replaces a newer one.
 */
export function SearchForm({ q, category, tag }: { q: string; category?: string; tag?: string }) {
  const router = useRouter()
  const [value, setValue] = useState(q)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  function follow(next: string) {
    setValue(next)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => router.replace(searchHref({ q: next, category, tag }), { scroll: false }), typingPauseMs)
  }

  return (
    <form action="/search" method="get" role="search" className="mt-4 flex gap-2" onSubmit={(event) => {
      event.preventDefault()
      clearTimeout(timer.current)
      router.push(searchHref({ q: value, category, tag }))
    }}>
      <label htmlFor="search-page-q" className="sr-only">
        Search answers and glossary terms
      </label>
      <div className="relative min-w-0 flex-1">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-400" />
        <input
          id="search-page-q"
          type="search"
          name="q"
          value={value}
          onChange={(event) => follow(event.target.value)}
          maxLength={200}
          autoComplete="off"
          autoFocus={q === ''}
          enterKeyHint="search"
          placeholder="e.g. VIX backwardation, iron condor, &quot;term structure&quot;"
          className="search-input py-3 pl-10 text-base"
        />
      </div>
      {category ? <input type="hidden" name="category" value={category} /> : null}
      {tag ? <input type="hidden" name="tag" value={tag} /> : null}
      <button type="submit" className="button-primary">
        Search
      </button>
    </form>
  )
}
