import { describe, expect, it } from 'vitest'
import { plainTextOfStoredBody } from '@/lib/search/plain-text'

const text = (value: string) => ({ type: 'text', value })
const element = (tagName: string, ...children: object[]) => ({ type: 'element', tagName, properties: {}, children })
const root = (...children: object[]) => JSON.stringify({ type: 'root', children })

describe('plainTextOfStoredBody', () => {
  it('keeps the words in document order and separates table cells and blocks that end without punctuation', () => {
    const table = element('table', element('tr', element('th', text('Regime')), element('th', text('Hedge'))), element('tr', element('td', text('Flat contango (below +3.5%)')), element('td', text('larger, nearer protection'))))
    const body = root(element('h2', text('Warning signs')), table, element('p', text('Roll '), element('strong', text('early')), text(' when stressed.')), element('ul', element('li', text('one')), element('li', text('two!'))))
    expect(plainTextOfStoredBody(body)).toBe('Warning signs. Regime; Hedge; Flat contango (below +3.5%); larger, nearer protection; Roll early when stressed. one. two!')
  })

  it('adds nothing to inline text and drops control characters', () => {
    expect(plainTextOfStoredBody(root(text('VIX\u0001 and '), element('em', text('VVIX')), text(' move')))).toBe('VIX and VVIX move')
  })
})
