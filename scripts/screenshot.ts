// Takes full-page screenshots of a running site at phone and desktop widths, for looking at pages by eye.
// Usage: tsx scripts/screenshot.ts http://127.0.0.1:3000 /ask/some-slug [/other-path ...]
import { mkdirSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { chromiumArgs, chromiumPath } from '../tests/helpers/chromium.ts'

const [base, ...paths] = process.argv.slice(2)
if (!base || paths.length === 0) {
  console.error('Usage: tsx scripts/screenshot.ts BASE_URL PATH [PATH ...]')
  process.exit(1)
}
mkdirSync('test-results/screens', { recursive: true })
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
for (const width of [375, 1280]) {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme })
    for (const path of paths) {
      await page.goto(base + path, { waitUntil: 'load' })
      await page.waitForTimeout(300)
      const name = `${path.replace(/\W+/g, '_').slice(0, 60) || 'home'}-${width}-${scheme}.png`
      await page.screenshot({ path: `test-results/screens/${name}`, fullPage: true })
      console.log(`test-results/screens/${name}`)
    }
    await page.close()
  }
}
await browser.close()
