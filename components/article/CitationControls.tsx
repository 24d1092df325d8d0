'use client'

import { useRef, useState, useSyncExternalStore } from 'react'
import { citationElementId, citationFormats } from '@/lib/citations/formats'

type Status = { state: 'idle' } | { state: 'copied' | 'failed'; label: string }

const subscribeNever = () => () => {}

/** Puts one citation on the clipboard: plain text, plus HTML with its italics where the browser allows both. */
async function copyElement(element: HTMLElement): Promise<void> {
  const text = element.textContent ?? ''
  if (typeof ClipboardItem === 'function' && element.dataset.rich === 'true') {
    const item = new ClipboardItem({
      'text/plain': new Blob([text], { type: 'text/plain' }),
      'text/html': new Blob([element.innerHTML], { type: 'text/html' }),
    })
    try {
      return await navigator.clipboard.write([item])
    } catch {
      // Some browsers refuse HTML on the clipboard; the plain text is what matters.
    }
  }
  await navigator.clipboard.writeText(text)
}

/**
 * The style selector and the Copy button. Which citation shows is decided by CSS (`:has(option:checked)` in
 * CiteThisAnswer), so the selector works before and without JavaScript; the texts stay in the server's HTML and
 * are read from the page when copied, so none of them is sent twice.
 */
export function CitationControls() {
  const select = useRef<HTMLSelectElement>(null)
  const reset = useRef<number | undefined>(undefined)
  const [status, setStatus] = useState<Status>({ state: 'idle' })
  // False in the server's HTML and during hydration, so the button shows only where it can work.
  const interactive = useSyncExternalStore(subscribeNever, () => true, () => false)

  async function copy() {
    const format = citationFormats.find((f) => f.id === select.current?.value) ?? citationFormats[0]
    const element = document.getElementById(citationElementId(format.id))
    window.clearTimeout(reset.current)
    try {
      if (!element) throw new Error(`no element for ${format.id}`)
      await copyElement(element)
      setStatus({ state: 'copied', label: `${format.label} citation copied to the clipboard.` })
    } catch {
      setStatus({ state: 'failed', label: `Copying failed. Select the ${format.label} text and copy it yourself.` })
    }
    // Back to "Copy" after a while, so copying again is announced again.
    reset.current = window.setTimeout(() => setStatus({ state: 'idle' }), 4000)
  }

  return (
    <div className="flex flex-wrap items-end gap-2">
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700 dark:text-slate-300">
        Citation style
        <select
          ref={select}
          defaultValue="apa"
          onChange={() => setStatus({ state: 'idle' })}
          className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        >
          {citationFormats.map((format) => (
            <option key={format.id} value={format.id}>
              {format.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={copy}
        className={`h-9 min-w-20 rounded-md bg-sky-700 px-3 text-sm font-semibold text-white hover:bg-sky-800 ${interactive ? '' : 'invisible'}`}
      >
        {status.state === 'copied' ? 'Copied' : status.state === 'failed' ? 'Copy failed' : 'Copy'}
      </button>
      <p role="status" aria-live="polite" className="sr-only">
        {status.state === 'idle' ? '' : status.label}
      </p>
    </div>
  )
}
