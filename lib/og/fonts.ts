import { readFile } from 'node:fs/promises'
import path from 'node:path'

/** A font as the image renderer (satori) takes it, plus the characters it covers. */
export interface CardFont {
  /** One family per subset file ("Inter latin", "Inter greek"): satori keeps one font per name and weight. */
  name: string
  data: Buffer
  weight: 400 | 700
  style: 'normal'
}

export interface CardFonts {
  fonts: CardFont[]
  /** CSS font-family naming every subset, Latin first. */
  family: string
  covers: (codePoint: number) => boolean
}

// Read from the installed package, never fetched. satori reads TTF, OTF and WOFF but not WOFF2, hence @fontsource/inter
// (which ships .woff beside .woff2) and not the variable package the site itself uses.
const fontDir = path.join(process.cwd(), 'node_modules', '@fontsource', 'inter')
const weights = [400, 700] as const
const fontFace = /@font-face\s*\{([^}]*)\}/g

/** [from, to] code point pairs of a CSS unicode-range ("U+0000-00FF,U+0131"). */
export function parseUnicodeRange(value: string): [number, number][] {
  return value.split(',').map((part) => {
    const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-')
    return [Number.parseInt(from, 16), Number.parseInt(to, 16)]
  })
}

async function loadWeight(weight: (typeof weights)[number]): Promise<{ fonts: CardFont[]; ranges: [number, number][] }> {
  const css = await readFile(path.join(fontDir, `${weight}.css`), 'utf8')
  const fonts: CardFont[] = []
  const ranges: [number, number][] = []
  for (const [, body = ''] of css.matchAll(fontFace)) {
    const file = /url\(\.\/files\/inter-([a-z-]+)-\d+-normal\.woff\)\s*format\('woff'\)/.exec(body)
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1]
    if (!file || !range) continue
    const data = await readFile(path.join(fontDir, 'files', `inter-${file[1]}-${weight}-normal.woff`))
    fonts.push({ name: `Inter ${file[1]}`, data, weight, style: 'normal' })
    ranges.push(...parseUnicodeRange(range))
  }
  if (fonts.length === 0) throw new Error(`no WOFF font faces found in ${path.join(fontDir, `${weight}.css`)}`)
  return { fonts, ranges }
}

let loaded: Promise<CardFonts> | undefined

/** Inter regular and bold in every subset the package ships, read once per process. */
export function loadCardFonts(): Promise<CardFonts> {
  loaded ??= Promise.all(weights.map(loadWeight)).then((parts) => {
    // Coverage is what every weight has, so no character renders in one weight and falls back in another.
    const [first, ...rest] = parts.map((part) => part.ranges)
    const inAll = (codePoint: number) => [first ?? [], ...rest].every((ranges) => ranges.some(([from, to]) => codePoint >= from && codePoint <= to))
    const fonts = parts.flatMap((part) => part.fonts)
    const names = [...new Set(fonts.map((font) => font.name))].sort((a, b) => Number(b === 'Inter latin') - Number(a === 'Inter latin'))
    return { fonts, family: names.map((name) => `'${name}'`).join(', '), covers: inAll }
  })
  return loaded
}

/**
 * The text with every character the fonts lack removed. The renderer would otherwise fetch a fallback font or an
 * emoji image from the internet, which this server must never do.
 */
export function keepRenderable(text: string, covers: (codePoint: number) => boolean): string {
  return Array.from(text)
    .filter((char) => covers(char.codePointAt(0) ?? 0))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
}
