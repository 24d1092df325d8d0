import { chromium } from 'playwright'
import { chromiumArgs, chromiumPath } from '../tests/helpers/chromium'
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
for (const width of [375, 1280]) for (const scheme of ['light', 'dark'] as const) {
  const page = await browser.newPage({ viewport: { width, height: 700 }, colorScheme: scheme })
  await page.goto('http://127.0.0.1:3300/ask/why-do-vxx-and-uvxy-lose-value-over-time')
  await page.keyboard.press('/')
  await page.keyboard.type('contango', { delay: 50 })
  await page.waitForTimeout(800)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.screenshot({ path: `test-results/screens/header-${width}-${scheme}.png` })
  await page.close()
}
await browser.close()
