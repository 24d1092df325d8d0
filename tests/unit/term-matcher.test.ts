import { describe, expect, it } from 'vitest'
import { TermMatcher } from '@/lib/mdx/term-matcher'

const matcher = new TermMatcher([
  { slug: 'vix', patterns: ['VIX', 'Cboe Volatility Index'] },
  { slug: 'vix-term-structure', patterns: ['VIX Term Structure', 'term structure'] },
  { slug: 'rsi', patterns: ['RSI', 'Relative Strength Index'] },
  { slug: 'iron-condor', patterns: ['Iron Condor'] },
  { slug: 'contango', patterns: ['Contango'] },
  { slug: 'advance-decline-line', patterns: ['Advance-Decline Line (A/D Line)', 'A/D Line', 'Advance-Decline Line'] },
  { slug: 'break-even-point', patterns: ['Break-Even Point (Options)', 'break-even'] },
  { slug: 'steward-vs-promoter', patterns: ['Steward vs. Promoter Distinction'] },
  { slug: 'etfs', patterns: ['ETFs', 'ETF'] },
  { slug: 'sp500', patterns: ['S&P 500'] },
  { slug: 'dte', patterns: ['DTE'] },
  { slug: 'zero-dte', patterns: ['0DTE'] },
])

const found = (text: string) => matcher.findAll(text).map((m) => [m.slug, text.slice(m.start, m.end)])

describe('TermMatcher', () => {
  it('matches whole words only', () => {
    expect(found('VIXY and UVXY are not the VIX.')).toEqual([['vix', 'VIX']])
    expect(found('conversing about RSIs and versing')).toEqual([['rsi', 'RSIs']])
    expect(found('PREVIX VIX2 XVIX')).toEqual([])
  })

  it('lets the longest match win', () => {
    expect(found('The VIX term structure flattened while VIX rose.')).toEqual([
      ['vix-term-structure', 'VIX term structure'],
      ['vix', 'VIX'],
    ])
  })

  it('matches acronyms case-sensitively and words case-insensitively', () => {
    expect(found('vix and Vix are not acronyms; VIX is.')).toEqual([['vix', 'VIX']])
    expect(found('An IRON CONDOR, an iron condor, CONTANGO.')).toEqual([
      ['iron-condor', 'IRON CONDOR'],
      ['iron-condor', 'iron condor'],
      ['contango', 'CONTANGO'],
    ])
  })

  it('counts plurals and aliases', () => {
    expect(found('Two iron condors and several ETFs, one ETF.')).toEqual([
      ['iron-condor', 'iron condors'],
      ['etfs', 'ETFs'],
      ['etfs', 'ETF'],
    ])
    expect(found('The Cboe Volatility Index rose.')).toEqual([['vix', 'Cboe Volatility Index']])
  })

  it('handles Unicode punctuation next to terms', () => {
    expect(found('the hedge—VIX—held; “contango” and ‘RSI’ … (DTE)')).toEqual([
      ['vix', 'VIX'],
      ['contango', 'contango'],
      ['rsi', 'RSI'],
      ['dte', 'DTE'],
    ])
    expect(found('VIX’s level; Contango’s cost')).toEqual([
      ['vix', 'VIX'],
      ['contango', 'Contango'],
    ])
  })

  it('matches terms containing slashes, parentheses, dots and ampersands', () => {
    expect(found('Watch the A/D line and the Advance-Decline Line (A/D Line) today.')).toEqual([
      ['advance-decline-line', 'A/D line'],
      ['advance-decline-line', 'Advance-Decline Line (A/D Line)'],
    ])
    expect(found('The Break-Even Point (Options) vs. break-even levels.')).toEqual([
      ['break-even-point', 'Break-Even Point (Options)'],
      ['break-even-point', 'break-even'],
    ])
    expect(found('the steward vs. promoter distinction matters')).toEqual([['steward-vs-promoter', 'steward vs. promoter distinction']])
    expect(found('the S&P 500 fell; S&P 5000 is not a thing')).toEqual([['sp500', 'S&P 500']])
  })

  it('does not find a shorter acronym inside a longer token', () => {
    expect(found('0DTE trades versus 45 DTE trades')).toEqual([
      ['zero-dte', '0DTE'],
      ['dte', 'DTE'],
    ])
  })

  it('treats line breaks inside a phrase as spaces', () => {
    expect(found('the VIX\nterm structure')).toEqual([['vix-term-structure', 'VIX\nterm structure']])
  })
})
