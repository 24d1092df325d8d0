import { describe, expect, it } from 'vitest'
import { deriveSummary } from '@/lib/content/records'

describe('deriveSummary', () => {
  it('keeps a short first paragraph as it is', () => {
    expect(deriveSummary('Contango costs long holders money.')).toBe('Contango costs long holders money.')
  })

  it('cuts a long paragraph at a word boundary within 300 characters, in plain ASCII', () => {
    const long = `${'word '.repeat(80)}end.`
    const summary = deriveSummary(long)
    expect(summary.length).toBeLessThanOrEqual(300)
    expect(summary.endsWith('word...')).toBe(true)
  })
})
