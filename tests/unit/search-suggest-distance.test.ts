import { describe, expect, it } from 'vitest'
import { editDistance } from '@/lib/search/suggest'

describe('editDistance (optimal string alignment, bounded)', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('condor', 'condor', 2)).toBe(0)
    expect(editDistance('condr', 'condor', 2)).toBe(1)
    expect(editDistance('condoor', 'condor', 2)).toBe(1)
    expect(editDistance('cendor', 'condor', 2)).toBe(1)
    expect(editDistance('cnodor', 'condor', 2)).toBe(1)
    expect(editDistance('volatilty', 'volatility', 2)).toBe(1)
    expect(editDistance('skeww', 'skew', 2)).toBe(1)
    expect(editDistance('contnago', 'contango', 2)).toBe(1)
    expect(editDistance('gamam', 'gamma', 2)).toBe(1)
  })

  it('stops past the bound: anything further is max + 1', () => {
    expect(editDistance('vix', 'volatility', 2)).toBe(3)
    expect(editDistance('hedge', 'theta', 2)).toBe(3)
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2)
    expect(editDistance('', 'ab', 2)).toBe(2)
  })
})
