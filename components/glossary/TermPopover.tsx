'use client'

import Link from 'next/link'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { termDefinitionId } from '@/components/glossary/term-definition-id'
import { ArrowRightIcon } from '@/components/ui/Icons'

interface Props {
  slug: string
  children: ReactNode
}

interface Shown {
  term: string
  short: string
  left: number
  top: number
  above: boolean
}

const margin = 8
const width = 288

/**
 * A glossary link with its short definition in a popover: shown on hover and keyboard focus; on touch the first
 * tap shows it and a second tap follows the link. Escape closes it. The definition itself is sent once per page,
 * in the "Glossary terms referenced" list (TermsReferenced): the link is described by that entry
 * (aria-describedby), and the popover, rendered only while open, shows its text. So a term costs the page one
 * link, not a hidden copy of its definition in the HTML and another in the props.
 */
export function TermPopover({ slug, children }: Props) {
  const [shown, setShown] = useState<Shown | null>(null)
  const anchor = useRef<HTMLAnchorElement>(null)
  const tooltip = useRef<HTMLSpanElement>(null)
  const lastPointer = useRef<string>('mouse')
  const closeTimer = useRef<number | undefined>(undefined)
  const definitionId = termDefinitionId(slug)

  const show = useCallback(() => {
    window.clearTimeout(closeTimer.current)
    const definition = document.getElementById(definitionId)
    const rect = anchor.current?.getBoundingClientRect()
    if (!definition || !rect) return
    const viewport = document.documentElement.clientWidth
    const boxWidth = Math.min(width, viewport - margin * 2)
    const left = Math.min(Math.max(margin, rect.left + rect.width / 2 - boxWidth / 2), viewport - boxWidth - margin)
    const above = rect.bottom + 160 > window.innerHeight && rect.top > 160
    setShown({
      term: definition.previousElementSibling?.textContent ?? '',
      short: definition.textContent ?? '',
      left,
      top: above ? rect.top - margin : rect.bottom + margin,
      above,
    })
  }, [definitionId])
  const hideSoon = useCallback(() => {
    closeTimer.current = window.setTimeout(() => setShown(null), 120)
  }, [])
  const keepOpen = useCallback(() => window.clearTimeout(closeTimer.current), [])
  const open = shown !== null

  useEffect(() => {
    if (!open) return
    const close = () => setShown(null)
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close()
    }
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node
      if (!anchor.current?.contains(target) && !tooltip.current?.contains(target)) close()
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('pointerdown', onPointerDown)
    window.addEventListener('scroll', close, { passive: true })
    window.addEventListener('resize', close)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onPointerDown)
      window.removeEventListener('scroll', close)
      window.removeEventListener('resize', close)
    }
  }, [open])

  useEffect(() => () => window.clearTimeout(closeTimer.current), [])

  return (
    <>
      <Link
        ref={anchor}
        href={`/glossary/${slug}`}
        prefetch={false}
        aria-describedby={definitionId}
        className="term-link"
        onPointerDown={(event) => {
          lastPointer.current = event.pointerType
        }}
        onMouseEnter={() => {
          if (lastPointer.current !== 'touch') show()
        }}
        onMouseLeave={hideSoon}
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
      {shown ? (
        <span
          ref={tooltip}
          role="tooltip"
          style={{ left: shown.left, top: shown.top, width, maxWidth: `calc(100vw - ${margin * 2}px)` }}
          className={`fixed z-40 block rounded-lg border border-slate-200 bg-white p-3 text-left text-sm leading-snug font-normal text-slate-700 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 ${shown.above ? '-translate-y-full' : ''}`}
          onMouseEnter={keepOpen}
          onMouseLeave={hideSoon}
          onFocus={keepOpen}
          onBlur={hideSoon}
        >
          <span className="mb-1 block font-semibold text-slate-900 dark:text-white">{shown.term}</span>
          <span className="block">{shown.short}</span>
          <Link href={`/glossary/${slug}`} prefetch={false} className="mt-2 inline-block font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-300">
            Read more<span className="sr-only"> about {shown.term}</span> <ArrowRightIcon className="inline size-3.5 align-[-2px]" />
          </Link>
        </span>
      ) : null}
    </>
  )
}
