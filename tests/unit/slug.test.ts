import { describe, expect, it } from 'vitest'
import { slugify } from '@/lib/slug'

describe('slugify', () => {
  it('reproduces the existing site URL for the ALVH question', () => {
    expect(
      slugify('How does the ALVH hedge actually respond when VIX term structure flattens below +3.5% or goes into backwardation?'),
    ).toBe('how-does-the-alvh-hedge-actually-respond-when-vix-term-structure-flattens-below-35-or-goes-into-backwardation')
  })

  it('deletes punctuation instead of replacing it', () => {
    expect(slugify("What's a 16-delta put's P&L?")).toBe('whats-a-16-delta-puts-pl')
    expect(slugify('VIX/VIX3M ratio')).toBe('vixvix3m-ratio')
  })

  it('strips accents and collapses spaces and hyphens', () => {
    expect(slugify('Crème  brûlée -- résumé')).toBe('creme-brulee-resume')
    expect(slugify('  --Leading and trailing--  ')).toBe('leading-and-trailing')
  })

  it('returns an empty string when nothing survives', () => {
    expect(slugify('¿¡!?')).toBe('')
  })
})
