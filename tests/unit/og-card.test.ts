import { writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { keepRenderable, loadCardFonts, parseUnicodeRange } from '@/lib/og/fonts'
import { cardSize, renderCard } from '@/lib/og/card'
import { pngSize } from '@/tests/helpers/png-size'

const text = {
  eyebrow: 'VIX Hedging',
  title: 'How does the ALVH hedge actually respond when VIX term structure flattens below +3.5% or goes into backwardation?',
  footer: 'www.vixshield.com/ask',
  siteName: 'Ask VixShield',
  publisher: 'VixShield Research Team',
}

afterEach(() => vi.restoreAllMocks())

describe('card fonts', () => {
  it('reads a PNG size only from a real PNG', () => {
    expect(() => pngSize(new TextEncoder().encode('GIF89a not a png at all, long enough'))).toThrow(/signature/)
  })

  it('reads CSS unicode ranges, single code points included', () => {
    expect(parseUnicodeRange('U+0000-00FF,U+0131, U+2000-206F')).toEqual([[0, 0xff], [0x131, 0x131], [0x2000, 0x206f]])
  })

  it('keeps Latin, Greek and Cyrillic text and drops what Inter lacks (emoji, CJK)', async () => {
    const { covers } = await loadCardFonts()
    expect(keepRenderable('Straddle “é” — Łódź Δ Жизнь', covers)).toBe('Straddle “é” — Łódź Δ Жизнь')
    expect(keepRenderable('VIX 🚀 spikes 波动率 again', covers)).toBe('VIX spikes again')
  })
})

describe('renderCard', () => {
  it('is a 1200x630 PNG made without the network, also for text the fonts lack', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    const started = performance.now()
    const response = await renderCard({ ...text, title: 'Is a “straddle” — or a strangle — better for the café owner’s hedge? 🚀 波动率 Ωmega' })
    const bytes = new Uint8Array(await response.arrayBuffer())
    const ms = performance.now() - started
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(response.headers.get('cache-control')).toBeNull()
    expect(pngSize(bytes)).toEqual(cardSize)
    // The renderer loads its own wasm through fetch() of a data: URL; anything else would be the network.
    expect(fetchSpy.mock.calls.map(([url]) => String(url)).filter((url) => !url.startsWith('data:'))).toEqual([])
    if (process.env.OG_CARD_OUT) writeFileSync(`${process.env.OG_CARD_OUT}/non-ascii.png`, bytes)
    console.log(`non-ASCII card: ${bytes.length} bytes in ${ms.toFixed(0)} ms (first render, fonts loaded)`)
  })

  it('fits the longest real title and a 200-character one', async () => {
    for (const [name, title] of [
      ['longest', text.title],
      ['max-length', `${'Why would a calendar spread on SPX behave differently from one on VIX futures '.repeat(3)}`.slice(0, 199) + '?'],
    ] as const) {
      const started = performance.now()
      const bytes = new Uint8Array(await (await renderCard({ ...text, title })).arrayBuffer())
      const ms = performance.now() - started
      expect(pngSize(bytes)).toEqual(cardSize)
      if (process.env.OG_CARD_OUT) writeFileSync(`${process.env.OG_CARD_OUT}/${name}.png`, bytes)
      console.log(`${name} card: ${bytes.length} bytes in ${ms.toFixed(0)} ms`)
    }
  })
})
