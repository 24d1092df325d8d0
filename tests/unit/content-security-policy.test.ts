import { describe, expect, it } from 'vitest'
import { documentPolicy, hashInlineElements, hashNextInlineScripts, resourcePolicy } from '@/lib/http/content-security-policy'

describe('hashInlineElements', () => {
  it('hashes an inline script as the CSP spec does (its example script and hash)', () => {
    expect(hashInlineElements("<script>alert('Hello, world.');</script>").scripts).toEqual(["'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"])
  })

  it('hashes every inline script and style once, in order, and skips scripts loaded from a URL', () => {
    const html = [
      '<head><script src="/_next/static/chunks/a.js" async=""></script>',
      '<script id="_R_">var inline = 1;</script><style>p{color:red}</style></head>',
      '<body><script>var inline = 1;</script><SCRIPT type="module">x()</SCRIPT><script>\n</script></body>',
    ].join('')
    const hashes = hashInlineElements(html)
    expect(hashes.scripts).toHaveLength(3)
    expect(hashes.scripts[0]).toBe("'sha256-B2yPHKaXnvFWtRChIbabYmUBFZdVfKKXHbWtWidDVF8='")
    expect(hashes.styles).toHaveLength(1)
    expect(hashInlineElements('<p>no scripts</p>')).toEqual({ scripts: [], styles: [] })
  })

  it('hashes the exact bytes between the tags, including non-ASCII text', () => {
    const [first] = hashInlineElements('<script>self.__next_f.push([1,"café → 1"])</script>').scripts
    const [second] = hashInlineElements('<script>self.__next_f.push([1,"cafe -> 1"])</script>').scripts
    expect(first).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/)
    expect(first).not.toBe(second)
  })
})

describe('hashNextInlineScripts', () => {
  const script = (body: string, attributes = '') => `<script${attributes}>${body}</script>`
  const bootstrap = '(self.__next_f=self.__next_f||[]).push([0])'
  const flight = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])'
  // As Turbopack writes it, with its semicolon.
  const chunks = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[1]});'

  it("hashes Next's bootstrap, flight chunks and Turbopack chunk list, as hashInlineElements would", () => {
    const html = [script(chunks, ' id="_R_"'), script(bootstrap), script(flight)].join('')
    expect(hashNextInlineScripts(html)).toEqual({ ...hashInlineElements(html), refused: 0 })
    expect(hashNextInlineScripts(html).scripts).toHaveLength(3)
  })

  it('refuses any other inline script or style, including code appended to a Next call', () => {
    for (const body of [
      "alert('x')",
      `${flight};alert(1)`,
      'self.__next_f.push([1,"x"]);alert(1);self.__next_f.push([1,"y"])',
      'self.__next_f.push(alert(1))',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"a":1}),alert(1)',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push([1])',
      `${bootstrap} `,
      `${bootstrap};;`,
      `${bootstrap};alert(1);`,
    ]) {
      expect(hashNextInlineScripts(script(body)), body).toEqual({ scripts: [], styles: [], refused: 1 })
    }
    expect(hashNextInlineScripts(`${script(bootstrap)}<style>p{}</style>`)).toMatchObject({ styles: [], refused: 1 })
    expect(hashNextInlineScripts(script(`${flight}`, ' type="module"')).scripts).toHaveLength(1)
  })

  it('skips data blocks such as JSON-LD, which browsers never run', () => {
    expect(hashNextInlineScripts(script('{"@type":"Article"}', ' type="application/ld+json"'))).toEqual({ scripts: [], styles: [], refused: 0 })
  })
})

describe('documentPolicy', () => {
  const policy = documentPolicy({ scripts: ["'sha256-a'", "'sha256-b'"], styles: [] }, { https: false })
  const directives = new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive]))

  it('allows scripts only from this origin or by hash: an injected inline script or a foreign script would not run', () => {
    expect(directives.get('script-src')).toBe("script-src 'self' 'sha256-a' 'sha256-b'")
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:|nonce-/)
  })

  it('forbids framing, plugins, <base> and posting forms elsewhere', () => {
    expect(directives.get('frame-ancestors')).toBe("frame-ancestors 'none'")
    expect(directives.get('object-src')).toBe("object-src 'none'")
    expect(directives.get('base-uri')).toBe("base-uri 'none'")
    expect(directives.get('form-action')).toBe("form-action 'self'")
  })

  it('upgrades insecure requests only on an https site', () => {
    expect(policy).not.toContain('upgrade-insecure-requests')
    expect(documentPolicy({ scripts: [], styles: [] }, { https: true })).toMatch(/; upgrade-insecure-requests$/)
  })

  it('lets resources (scripts, styles, JSON) load nothing themselves', () => {
    expect(resourcePolicy).toBe("default-src 'none'; frame-ancestors 'none'")
  })
})
