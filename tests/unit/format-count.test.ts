import { describe, expect, it } from 'vitest'
import { formatCount } from '@/lib/format-count'

describe('formatCount', () => {
  it('groups digits exactly as Intl.NumberFormat en-US does for whole numbers', () => {
    const intl = new Intl.NumberFormat('en-US')
    for (const value of [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 12_345, 100_000, 999_999, 1_000_000, 1_234_567, 2_147_483_647, 9_007_199_254_740_991]) {
      expect(formatCount(value, 'view'), String(value)).toBe(`${intl.format(value)} ${value === 1 ? 'view' : 'views'}`)
    }
  })

  it('uses the singular only for exactly one, and a given plural', () => {
    expect(formatCount(1, 'answer')).toBe('1 answer')
    expect(formatCount(0, 'answer')).toBe('0 answers')
    expect(formatCount(2, 'entry', 'entries')).toBe('2 entries')
  })
})
