'use client'
import Link from 'next/link'
import { usePathname, useRouter } from 'next/navigation'
import { useEffect, useRef, useState } from 'react'
import { paths } from '@/lib/metadata/site-paths'
import { searchHref } from '@/lib/search/search-href'
import type { SearchResults } from '@/lib/search/search-types'
import { SearchIcon } from './SearchIcon'
import { typingPauseMs } from './SearchForm'

interface Option {
  href: string
  label: string
  detail: string
}

const shownHits = 6
const listId = 'header-search-list'
const optionId = (index: number) => `header-search-option-${index}`

/** The suggestions for a result set: glossary entries, answers, then "all results". */
function optionsOf(results: SearchResults): Option[] {
  return [
    ...results.terms.map((term) => ({ href: paths.term(term.slug), label: term.term, detail: 'Glossary' })),
    ...results.hits.map((hit) => ({ href: paths.answer(hit.slug), label: hit.title, detail: hit.category.name })),
    { href: searchHref({ q: results.query }), label: `All results for "${results.query}"`, detail: results.total === 1 ? '1 answer' : `${results.total} answers` },
  ]
}

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/**
 * The header's search box: a GET form to /search that works without JavaScript. With it, results appear as you
 * type (one request per pause of 150 ms; an older response arriving late is dropped), arrow keys and Enter move
 * through them, Escape closes them, and `/` or Ctrl-K (⌘K) focuses the box from anywhere on the page.
 */
export function HeaderSearch() {
  const router = useRouter()
  const pathname = usePathname()
  const input = useRef<HTMLInputElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const latest = useRef(0)
  const [value, setValue] = useState('')
  const [options, setOptions] = useState<Option[]>([])
  const [status, setStatus] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)

  useEffect(() => {
    const focusBox = (event: KeyboardEvent) => {
      const shortcut = (event.key === '/' && !isTyping(event.target)) || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey))
      if (!shortcut || !input.current) return
      event.preventDefault()
      input.current.focus()
      input.current.select()
    }
    document.addEventListener('keydown', focusBox)
    return () => {
      document.removeEventListener('keydown', focusBox)
      clearTimeout(timer.current)
    }
  }, [])

  // The search page has its own, larger form.
  if (pathname === paths.search) return null

  async function load(query: string, request: number) {
    try {
      const response = await fetch(`/api/search?${new URLSearchParams({ q: query, pageSize: String(shownHits) })}`, { headers: { accept: 'application/json' } })
      if (request !== latest.current) return
      if (!response.ok) {
        setOptions([])
        setStatus(response.status === 429 ? 'Too many searches; wait a moment.' : 'Search is unavailable right now.')
        return
      }
      const results = (await response.json()) as SearchResults
      if (request !== latest.current) return
      setOptions(results.total > 0 || results.terms.length > 0 ? optionsOf(results) : [])
      setStatus(results.total === 0 ? `No answers for "${results.query}"` : `${results.total} answer${results.total === 1 ? '' : 's'}; use the arrow keys to choose`)
      setActive(-1)
    } catch {
      if (request === latest.current) setStatus('Search is unavailable right now.')
    }
  }

  function type(next: string) {
    setValue(next)
    clearTimeout(timer.current)
    const request = ++latest.current
    if (!next.trim()) {
      setOptions([])
      setStatus('')
      setOpen(false)
      return
    }
    setOpen(true)
    timer.current = setTimeout(() => void load(next, request), typingPauseMs)
  }

  function go(href: string) {
    setOpen(false)
    setActive(-1)
    router.push(href)
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return
      event.preventDefault()
      setOpen(true)
      const step = event.key === 'ArrowDown' ? 1 : -1
      // -1 is the box itself; past either end wraps round.
      setActive((current) => (current + step < 0 ? options.length - 1 : current + step >= options.length ? 0 : current + step))
    } else if (event.key === 'Enter' && open && active >= 0 && options[active]) {
      event.preventDefault()
      go(options[active].href)
    } else if (event.key === 'Escape') {
      if (open) setOpen(false)
      else type('')
    }
  }

  const expanded = open && (options.length > 0 || status !== '')
  return (
    <form
      action={paths.search}
      method="get"
      role="search"
      className="header-search"
      onSubmit={(event) => {
        event.preventDefault()
        if (value.trim()) go(searchHref({ q: value }))
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false)
      }}
    >
      <label htmlFor="header-search-q" className="sr-only">
        Search answers
      </label>
      <SearchIcon className="header-search-icon" />
      <input
        ref={input}
        id="header-search-q"
        type="search"
        name="q"
        value={value}
        onChange={(event) => type(event.target.value)}
        onFocus={() => value.trim() && setOpen(true)}
        onKeyDown={onKeyDown}
        maxLength={200}
        autoComplete="off"
        enterKeyHint="search"
        placeholder="Search answers"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 && active < options.length ? optionId(active) : undefined}
        className="header-search-input"
      />
      {value === '' ? (
        <kbd aria-hidden="true" className="header-search-kbd">
          /
        </kbd>
      ) : null}
      <div hidden={!expanded} className="header-search-list">
        {expanded && options.length === 0 ? (
          <p aria-hidden="true" className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">
            {status || 'Searching'}
          </p>
        ) : null}
        <div id={listId} role="listbox" aria-label="Search suggestions">
          {options.map((option, index) => (
          <Link
            key={option.href}
            id={optionId(index)}
            href={option.href}
            role="option"
            aria-selected={index === active}
            tabIndex={-1}
            onClick={() => setOpen(false)}
            className="header-search-option"
          >
            <span className="line-clamp-2 font-medium">{option.label}</span>
            <span className="block truncate text-xs text-slate-500 dark:text-slate-400">{option.detail}</span>
          </Link>
          ))}
        </div>
      </div>
      <p role="status" className="sr-only">
        {open ? status : ''}
      </p>
    </form>
  )
}
