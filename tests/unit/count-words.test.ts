import { describe, expect, it } from 'vitest'
import { countWords } from '@/lib/content/compile'

describe('countWords', () => {
  it('counts runs that start with a letter or digit, keeping in-word punctuation', () => {
    expect(countWords("Don't panic: VIX rose 3.5% mid-week, then—fell.")).toBe(8)
    expect(countWords("''' --- ... a-b-c 1,000,000 x'")).toBe(3)
    expect(countWords('(VXX) [UVXY] {x}')).toBe(3)
    expect(countWords('tab\tsep\nnew')).toBe(3)
  })

  it('counts letters beyond ASCII, including astral code points', () => {
    expect(countWords('émigré café naïve')).toBe(3)
    expect(countWords('Ünïcödé wörds 日本語 テスト 𝒜𝒷𝒸 def')).toBe(6)
  })

  it('counts nothing in empty or blank text', () => {
    expect(countWords('')).toBe(0)
    expect(countWords(' \n\t ')).toBe(0)
  })
})
