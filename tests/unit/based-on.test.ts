import { describe, expect, it } from 'vitest'
import { parseBasedOn } from '@/lib/metadata/based-on'

describe('parseBasedOn', () => {
  it('reads the form used in content/: "<title> by <person>"', () => {
    expect(parseBasedOn('SPX Mastery by Russell Clark')).toEqual({ title: 'SPX Mastery', authors: [{ kind: 'person', name: 'Russell Clark' }] })
  })

  it('splits at the last " by ", so a title may contain the word', () => {
    expect(parseBasedOn('Stand by Your Hedge by Jane Doe')).toEqual({ title: 'Stand by Your Hedge', authors: [{ kind: 'person', name: 'Jane Doe' }] })
  })

  it('reads several people and name particles', () => {
    expect(parseBasedOn('Option Volatility and Pricing by Sheldon Natenberg and Ludwig van Beethoven')).toEqual({
      title: 'Option Volatility and Pricing',
      authors: [{ kind: 'person', name: 'Sheldon Natenberg' }, { kind: 'person', name: 'Ludwig van Beethoven' }],
    })
    expect(parseBasedOn('Trading VIX by A. Smith, B. Jones & C. Brown').authors.map((a) => a.name)).toEqual(['A. Smith', 'B. Jones', 'C. Brown'])
  })

  it('keeps an organisation whole', () => {
    expect(parseBasedOn('Volatility Index Methodology by Cboe Research and Product Development Team')).toEqual({
      title: 'Volatility Index Methodology',
      authors: [{ kind: 'organization', name: 'Cboe Research and Product Development Team' }],
    })
  })

  it('leaves a title alone when what follows "by" is not a name, or there is no "by"', () => {
    expect(parseBasedOn('Trading Options by the Book')).toEqual({ title: 'Trading Options by the Book', authors: [] })
    expect(parseBasedOn('The VIX White Paper')).toEqual({ title: 'The VIX White Paper', authors: [] })
    expect(parseBasedOn('by Russell Clark')).toEqual({ title: 'by Russell Clark', authors: [] })
  })
})
