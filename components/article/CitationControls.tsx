'use client'

import { useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import { citationElementId, citationFormats, type CitationFormatId, type CitationTexts } from '@/lib/citations/formats'

type Format = (typeof citationFormats)[number]
type Load = 'idle' | 'loading' | 'failed'
type Copy = { state: 'idle' } | { state: 'copied' | 'failed'; label: string }

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

// A hand check rather than zod: zod would outweigh this whole island, and the body comes from our own route.
function isCitationTexts(body: unknown): body is CitationTexts {
  return citationFormats.every(({ id }) => {
    const entry: unknown = typeof body === 'object' && body ? Reflect.get(body, id) : null
    if (typeof entry !== 'object' || entry === null) return false
    const segments: unknown = Reflect.get(entry, 'segments')
    return typeof Reflect.get(entry, 'text') === 'string' && (segments === undefined || Array.isArray(segments))
  })
}

async function fetchTexts(slug: string): Promise<CitationTexts> {
  const response = await fetch(`/api/citations/${slug}.json`)
  const body: unknown = response.ok ? await response.json() : null
  if (!isCitationTexts(body)) throw new Error(`citations for ${slug}: HTTP ${response.status}`)
  return body
}

/**
 * The style selector, the shown citation and the Copy button. The page renders APA 7 (`apa`, on the server); the
 * other formats are fetched together the first time one is wanted and kept while the page is open.
 */
export function CitationControls({ slug, heading, apa }: { slug: string; heading: ReactNode; apa: ReactNode }) {
  const box = useRef<HTMLDivElement>(null)
  const request = useRef<Promise<CitationTexts> | null>(null)
  const reset = useRef<number | undefined>(undefined)
  const [format, setFormat] = useState<Format>(citationFormats[0])
  const [texts, setTexts] = useState<CitationTexts | null>(null)
  const [load, setLoad] = useState<Load>('idle')
  const [copyStatus, setCopyStatus] = useState<Copy>({ state: 'idle' })
  // False in the server's HTML and during hydration: without JavaScript neither the selector nor Copy can work.
  const interactive = useSyncExternalStore(subscribeNever, () => true, () => false)

  function loadTexts(): Promise<CitationTexts> {
    request.current ??= fetchTexts(slug).catch((error: unknown) => {
      request.current = null // the next choice tries again
      throw error
    })
    return request.current
  }

  function choose(id: string) {
    const next = citationFormats.find((f) => f.id === id) ?? citationFormats[0]
    setFormat(next)
    setCopyStatus({ state: 'idle' })
    if (next.id === 'apa' || texts) return
    setLoad('loading')
    loadTexts().then(
      (loaded) => {
        setTexts(loaded)
        setLoad('idle')
      },
      () => setLoad('failed'),
    )
  }

  async function copy() {
    const element = box.current?.firstElementChild
    window.clearTimeout(reset.current)
    try {
      if (!(element instanceof HTMLElement)) throw new Error(`no element for ${format.id}`)
      await copyElement(element)
      setCopyStatus({ state: 'copied', label: `${format.label} citation copied to the clipboard.` })
    } catch {
      setCopyStatus({ state: 'failed', label: `Copying failed. Select the ${format.label} text and copy it yourself.` })
    }
    // Back to "Copy" after a while, so copying again is announced again.
    reset.current = window.setTimeout(() => setCopyStatus({ state: 'idle' }), 4000)
  }

  const entry = format.id === 'apa' ? null : texts?.[format.id]
  const shown = format.id === 'apa' || entry
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        {heading}
        <div className={`flex flex-wrap items-end gap-2 ${interactive ? '' : 'invisible'}`}>
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700 dark:text-slate-300">
            Citation style
            <select
              value={format.id}
              // Fetching as soon as the reader reaches for the selector usually hides the wait entirely.
              onFocus={() => void loadTexts().catch(() => {})}
              onChange={(event) => choose(event.target.value)}
              className="citation-select"
            >
              {citationFormats.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={copy}
            disabled={!shown}
            className="citation-copy"
          >
            {copyStatus.state === 'copied' ? 'Copied' : copyStatus.state === 'failed' ? 'Copy failed' : 'Copy'}
          </button>
        </div>
      </div>
      <div
        ref={box}
        aria-busy={load === 'loading'}
        className="citation-texts"
      >
        {format.id === 'apa' ? (
          apa
        ) : entry ? (
          <Citation id={format.id} kind={format.kind} entry={entry} />
        ) : load === 'failed' ? (
          <p role="alert" className="text-sm">
            The {format.label} citation could not be loaded. Choose it again to retry, or open All formats (text) below.
          </p>
        ) : (
          <p className="text-sm">Loading {format.label}&hellip;</p>
        )}
      </div>
      {format.id === 'harvard' && (
        <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
          Cite Them Right ends a web reference with the date you read the page: add (Accessed: day month year).
        </p>
      )}
      <p role="status" aria-live="polite" className="sr-only">
        {load === 'loading' ? `Loading the ${format.label} citation.` : copyStatus.state === 'idle' ? '' : copyStatus.label}
      </p>
    </>
  )
}

function Citation({ id, kind, entry }: { id: CitationFormatId; kind: Format['kind']; entry: CitationTexts[CitationFormatId] }) {
  if (kind === 'code' || !entry.segments) {
    return (
      <pre id={citationElementId(id)} className="font-mono text-xs whitespace-pre-wrap">
        {entry.text}
      </pre>
    )
  }
  return (
    <p id={citationElementId(id)} data-rich="true" className="text-sm">
      {entry.segments.map((segment, index) => (segment.italic ? <i key={index}>{segment.text}</i> : segment.text))}
    </p>
  )
}
