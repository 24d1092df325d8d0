import { describe, expect, it } from 'vitest'
import { parseStoredBody, StoredBodyError } from '@/lib/mdx/stored-body'

const body = (element: object) => JSON.stringify({ type: 'root', children: [element] })

describe('parseStoredBody', () => {
  it('accepts Markdown elements and allowed components', () => {
    const tree = parseStoredBody(body({ type: 'element', tagName: 'Callout', properties: { type: 'tip' }, children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'x' }] }] }))
    expect(tree.children).toHaveLength(1)
  })

  it('refuses elements outside the allow-list, event handlers and raw HTML injection, even if a row was tampered with', () => {
    for (const element of [
      { type: 'element', tagName: 'script', properties: {}, children: [{ type: 'text', value: 'alert(1)' }] },
      { type: 'element', tagName: 'iframe', properties: { src: 'https://x' }, children: [] },
      { type: 'element', tagName: 'constructor', properties: {}, children: [] },
      { type: 'element', tagName: 'p', properties: { onClick: 'alert(1)' }, children: [] },
      { type: 'element', tagName: 'p', properties: { dangerouslySetInnerHTML: { __html: '<img src=x onerror=alert(1)>' } }, children: [] },
    ]) {
      expect(() => parseStoredBody(body(element)), JSON.stringify(element)).toThrow(StoredBodyError)
    }
    expect(() => parseStoredBody('{"type":"element"}')).toThrow(StoredBodyError)
  })
})
