import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { devices, expect, test } from '@playwright/test'

const alvh = '/ask/how-does-the-alvh-hedge-actually-respond-when-vix-term-structure-flattens-below-35-or-goes-into-backwardation'

test.describe('answer page', () => {
  test('shows every part in order', async ({ page }) => {
    // This visit is counted too: the test waits for its view POST, so the count the next test starts from is final
    // (on PostgreSQL the POST could still be in flight when the next test reads it).
    const viewed = page.waitForResponse((r) => r.url().endsWith('/api/views') && r.request().method() === 'POST')
    await page.goto(alvh)
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' })
    await expect(crumbs.getByRole('link')).toHaveText(['Home', 'VIX Hedging'])
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'How does the ALVH hedge actually respond when VIX term structure flattens below +3.5% or goes into backwardation?',
    )
    const header = page.locator('article header')
    await expect(header).toContainText('VixShield Research Team')
    await expect(header).toContainText('Based on SPX Mastery by Russell Clark')
    await expect(header).toContainText(/Published \w+ \d+, 20\d\d/)
    await expect(header).toContainText(/\d+ min read/)
    await expect(header.locator('time[datetime="2026-12-02"]').last()).toBeVisible()
    await expect(header).toContainText('Reviewed by VixShield Research Team on December 2, 2026')
    const firstTag = page.getByRole('list', { name: 'Tags' }).getByRole('link').first()
    await expect(firstTag).toHaveAttribute('href', /^\/tags\/[a-z0-9-]+$/)
    await expect(page.locator('.prose').first().getByRole('heading', { level: 2 }).first()).toBeVisible()
    await expect(page.getByRole('region', { name: 'Actionable insights' })).toBeVisible()
    await expect(page.getByRole('complementary', { name: 'Risk disclaimer' })).toContainText('not investment advice')
    await expect(page.getByRole('heading', { name: 'Keep reading' })).toBeVisible()
    await expect(page.locator('section[aria-labelledby="keep-reading"] a')).toHaveCount(3)

    // Order: title, byline, body, disclaimer, related.
    const order = await page.evaluate(() =>
      ['h1', '.prose', '[aria-label="Risk disclaimer"]', '#keep-reading'].map((s) => document.querySelector(s)?.getBoundingClientRect().top ?? -1),
    )
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect((await viewed).status()).toBe(200)
  })

  test('counts a first visit exactly once, live, on a cached page', async ({ browser, request }) => {
    // An answer no other test opens: a view POST that another test's page sends late cannot change the count here.
    const answerPath = '/ask/why-do-vxx-and-uvxy-lose-value-over-time'
    const countUrl = `/api/views?slug=${answerPath.slice('/ask/'.length)}`
    const before = ((await (await request.get(countUrl)).json()) as { views: number }).views
    const shown = (views: number) => `${views.toLocaleString('en-US')} ${views === 1 ? 'view' : 'views'}`
    // A user agent no earlier run used makes this a new visitor, so the visit must count even in a reused database.
    const context = await browser.newContext({ ...devices['Desktop Chrome'], userAgent: `${devices['Desktop Chrome'].userAgent} ask-kb-e2e/${Date.now()}` })
    const page = await context.newPage()
    const counted = page.waitForResponse((r) => r.url().endsWith('/api/views') && r.request().method() === 'POST')
    const document = await page.goto(answerPath)
    expect(document?.headers()['x-nextjs-cache']).toMatch(/^(HIT|STALE)$/)
    const post = await counted
    expect(post.status()).toBe(200)
    expect(await post.json()).toEqual({ views: before + 1, counted: true })
    await expect(page.getByTestId('view-count')).toHaveText(shown(before + 1))
    const again = page.waitForResponse((r) => r.url().includes('/api/views?slug='))
    await page.reload()
    expect(((await (await again).json()) as { views: number }).views).toBe(before + 1)
    await expect(page.getByTestId('view-count')).toHaveText(shown(before + 1))
    expect(((await (await request.get(countUrl)).json()) as { views: number }).views).toBe(before + 1)
    await context.close()
  })

  test('page chrome adds no non-ASCII characters, so Node can send the cached HTML quickly', async ({ request }) => {
    // Node writes a 65 KB HTML string ~2x slower if it holds Latin-1 characters and ~7x slower with wider ones
    // (README, Performance). Editors may use any character; components must not add any.
    const contentChars = new Set<string>()
    for (const dir of ['content/answers', 'content/glossary']) {
      for (const name of readdirSync(dir)) for (const c of readFileSync(path.join(dir, name), 'utf8')) if (c.charCodeAt(0) > 0x7f) contentChars.add(c)
    }
    const html = await (await request.get(alvh)).text()
    expect([...new Set([...html].filter((c) => c.charCodeAt(0) > 0x7f && !contentChars.has(c)))]).toEqual([])
  })

  test('unknown slugs and bad slugs are real 404s', async ({ page }) => {
    for (const path of ['/ask/no-such-answer', '/ask/NOT%20A%20SLUG', '/category/nope', '/tags/nope']) {
      const response = await page.goto(path)
      expect(response?.status(), path).toBe(404)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
    }
  })

  for (const width of [375, 1280]) {
    test(`fits a ${width}px screen without sideways scrolling, in light and dark`, async ({ browser }) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme })
        await page.goto(alvh)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        expect(overflow).toBeLessThanOrEqual(0)
        // Paint the computed background (oklch/lab in Tailwind 4) on a canvas to read it back as RGB.
        const luminance = await page.evaluate(() => {
          const context = document.createElement('canvas').getContext('2d')
          if (!context) throw new Error('no canvas')
          context.fillStyle = getComputedStyle(document.body).backgroundColor
          context.fillRect(0, 0, 1, 1)
          const [r = 0, g = 0, b = 0] = context.getImageData(0, 0, 1, 1).data
          return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
        })
        if (colorScheme === 'dark') expect(luminance).toBeLessThan(0.1)
        else expect(luminance).toBeGreaterThan(0.95)
        await page.screenshot({ path: `test-results/answer-${width}-${colorScheme}.png`, fullPage: true })
        await page.close()
      }
    })
  }

  test('uses the local Inter font and shows keyboard focus', async ({ page }) => {
    await page.goto(alvh)
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/inter/i)
    // The served file is a subset made on npm install (scripts/subset-font.mjs): it must load and be used.
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready
      return [...document.fonts].filter((face) => /inter/i.test(face.family) && face.status === 'loaded').map((face) => face.weight)
    })
    expect(loaded).toEqual(['400 900'])
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to content' })
    await expect(skip).toBeFocused()
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle)
    expect(outline).not.toBe('none')
  })

  test('has no axe violations on the answer page and the home page', async ({ page }) => {
    for (const path of [alvh, '/']) {
      await page.goto(path)
      const results = await new AxeBuilder({ page }).analyze()
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), path).toEqual([])
    }
  })
})

test.describe('listings', () => {
  test('home shows site name, newest answers and categories with counts', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ask VixShield')
    await expect(page.getByRole('heading', { name: 'Newest answers' })).toBeVisible()
    const categories = page.locator('section[aria-labelledby="categories"] li')
    expect(await categories.count()).toBeGreaterThanOrEqual(3)
    await categories.first().getByRole('link').click()
    await expect(page).toHaveURL(/\/category\/[a-z0-9-]+$/)
    await expect(page.getByText(/\d+ answers?, newest first/)).toBeVisible()
    const dates = await page.locator('main time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''))
    expect([...dates].sort().reverse()).toEqual(dates)
  })

  test('tag pages list tagged answers', async ({ page }) => {
    await page.goto('/tags')
    await page.getByRole('link', { name: /#vix\b/ }).first().click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('#vix')
    expect(await page.locator('main article').count()).toBeGreaterThan(1)
  })
})
