'use client'

import { useEffect, useState } from 'react'
import { formatCount } from '@/lib/format-count'

/**
 * The page is cached, so the server-rendered count may lag; this reports the visit once per browser session and
 * shows the live total. Whether a visit counts is the server's decision (once per visitor, answer and day).
 */
export function ViewCount({ slug, initial }: { slug: string; initial: number }) {
  const [views, setViews] = useState(initial)
  useEffect(() => {
    const key = `ask-kb:viewed:${slug}`
    let counted = false
    try {
      counted = sessionStorage.getItem(key) === '1'
    } catch {
      // Storage can be disabled; then each page load counts.
    }
    const request = counted
      ? fetch(`/api/views?slug=${encodeURIComponent(slug)}`)
      : fetch('/api/views', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slug }) })
    request
      .then((response) => (response.ok ? (response.json() as Promise<{ views: number }>) : null))
      .then((body) => {
        if (!body) return
        setViews(body.views)
        try {
          sessionStorage.setItem(key, '1')
        } catch {
          // See above.
        }
      })
      .catch((error: unknown) => console.warn('View count unavailable:', error))
  }, [slug])
  return <span data-testid="view-count">{formatCount(views, 'view')}</span>
}
