'use client'

import Link from 'next/link'
import { ArrowRightIcon } from '@/components/ui/Icons'
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react'

interface Props {
  slug: string
  term: string
  short: string
  children: ReactNode
}

const margin = 8
const width = 288

/**
 * A glossary link with its short definition in a popover: shown on hover and keyboard focus; on touch the first
 * tap shows it and a second tap follows the link. Escape closes it. The definition is always in the DOM and tied
 * to the link with aria-describedby, so screen readers announce it without the popover.
 */
export function TermPopover({ slug, term, short, children }: Props) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [position, setPosition] = useState<{ left: number; top: number; above: boolean } | null>(null)
  const anchor = useRef<HTMLAnchorElement>(null)
  const lastPointer = useRef<string>('mouse')
  const closeTimer = useRef<number | undefined>(undefined)

  const place = useCallback(() => {
    const rect = anchor.current?.getBoundingClientRect()
    if (!rect) return
    const viewport = document.documentElement.clientWidth
    const boxWidth = Math.min(width, viewport - margin * 2)
    const left = Math.min(Math.max(margin, rect.left + rect.width / 2 - boxWidth / 2), viewport - boxWidth - margin)
    const above = rect.bottom + 160 > window.innerHeight && rect.top > 160
    setPosition({ left, top: above ? rect.top - margin : rect.bottom + margin, above })
  }, [])

  const show = useCallback(() => {
    window.clearTimeout(closeTimer.current)
    place()
    setOpen(true)
  }, [place])
  const hideSoon = useCallback(() => {
    closeTimer.current = window.setTimeout(() => setOpen(false), 120)
  }, [])

  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false)
    }
    const onScroll = () => setOpen(false)
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node
      if (!anchor.current?.parentElement?.contains(target)) setOpen(false)
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('pointerdown', onPointerDown)
    window.addEventListener('scroll', onScroll, { passive: true })
    window.addEventListener('resize', onScroll)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onPointerDown)
      window.removeEventListener('scroll', onScroll)
      window.removeEventListener('resize', onScroll)
    }
  }, [open])

  return (
    <span className="relative" onMouseLeave={hideSoon} onMouseEnter={() => window.clearTimeout(closeTimer.current)}>
      <Link
        ref={anchor}
        href={`/glossary/${slug}`}
        aria-describedby={id}
        data-term={slug}
        className="cursor-help text-inherit underline decoration-sky-600/70 decoration-dotted decoration-2 underline-offset-4 hover:decoration-solid dark:decoration-sky-400/80"
        onPointerDown={(event) => {
          lastPointer.current = event.pointerType
        }}
        onMouseEnter={() => {
          if (lastPointer.current !== 'touch') show()
        }}
        // Keyboard focus opens it; focus that comes from a tap or click must not, or the first tap would navigate.
        onFocus={(event) => {
          if (event.currentTarget.matches(':focus-visible')) show()
        }}
        onBlur={hideSoon}
        onClick={(event) => {
          if (lastPointer.current === 'touch' && !open) {
            event.preventDefault()
            show()
          }
        }}
      >
        {children}
      </Link>
      <span
        role="tooltip"
        hidden={!open}
        style={position ? { left: position.left, top: position.top, width, maxWidth: `calc(100vw - ${margin * 2}px)` } : undefined}
        className={`fixed z-40 block rounded-lg border border-slate-200 bg-white p-3 text-left text-sm leading-snug font-normal text-slate-700 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 ${position?.above ? '-translate-y-full' : ''}`}
        onMouseEnter={() => window.clearTimeout(closeTimer.current)}
        onFocus={() => window.clearTimeout(closeTimer.current)}
        onBlur={hideSoon}
      >
        <span className="mb-1 block font-semibold text-slate-900 dark:text-white">{term}</span>
        <span id={id} className="block">
          {short}
        </span>
        <Link href={`/glossary/${slug}`} className="mt-2 inline-block font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-300" tabIndex={open ? 0 : -1}>
          Read more<span className="sr-only"> about {term}</span> <ArrowRightIcon className="inline size-3.5 align-[-2px]" />
        </Link>
      </span>
    </span>
  )
}
