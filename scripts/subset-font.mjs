// Writes the Inter the site serves (generated/fonts/, run on npm install): @fontsource-variable's Latin file with
// its weight axis limited to what the CSS asks for (400-900) and only HarfBuzz's default OpenType features (Inter's
// stylistic sets and character variants are never used here): 48 KB -> 33 KB. After the framework's JavaScript it
// is the largest file a first visit loads before the text is painted (README, Performance: page weight).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import subsetFont from 'subset-font'

const source = 'node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2'
const css = 'node_modules/@fontsource-variable/inter/index.css'
const target = 'generated/fonts/inter-latin-wght-400-900.woff2'

if (!existsSync(source)) process.exit(0)

// Same characters as the original: the unicode-range @fontsource declares for that file.
const block = readFileSync(css, 'utf8').split('@font-face').find((rule) => rule.includes('inter-latin-wght-normal.woff2'))
const range = block?.match(/unicode-range:\s*([^;]+);/)?.[1]
if (!range) throw new Error(`no unicode-range for ${source} in ${css}`)
let text = ''
for (const part of range.split(',')) {
  const [low, high = low] = part.trim().replace(/^U\+/i, '').split('-')
  for (let code = parseInt(low, 16); code <= parseInt(high, 16); code++) text += String.fromCodePoint(code)
}

const font = await subsetFont(readFileSync(source), text, { targetFormat: 'woff2', variationAxes: { wght: { min: 400, max: 900 } } })
mkdirSync('generated/fonts', { recursive: true })
writeFileSync(target, font)
