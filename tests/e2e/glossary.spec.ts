import AxeBuilder from '@axe-core/playwright'
import { devices, expect, test } from '@playwright/test'

const alvh = '/ask/how-does-the-alvh-hedge-actually-respond-when-vix-term-structure-flattens-below-35-or-goes-into-backwardation'

async function firstTerm(page: import('@playwright/test').Page) {
  const term = page.locator('.prose a.term-link').first()
  const slug = (await term.getAttribute('href'))?.replace('/glossary/', '')
  if (!slug) throw new Error('no linked glossary term on the page')
  const definition = (await page.locator(`#terms-referenced ~ dl a[href="/glossary/${slug}"]`).locator('xpath=../../dd').textContent()) ?? ''
  return { term, slug, definition: definition.trim() }
}

test.describe('glossary terms in answers', () => {
  test('hover and keyboard focus show the definition; Escape closes it; no layout shift', async ({ page }) => {
    await page.goto(alvh)
    const { term, definition } = await firstTerm(page)
    expect(definition.length).toBeGreaterThan(10)
    const describedBy = await term.getAttribute('aria-describedby')
    expect(describedBy).toBeTruthy()
    await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(definition)

    const paragraph = page.locator('.prose p').nth(1)
    const before = await paragraph.boundingBox()
    await term.hover()
    const tooltip = page.getByRole('tooltip').filter({ hasText: definition })
    await expect(tooltip).toBeVisible()
    expect(await paragraph.boundingBox()).toEqual(before)
    await page.mouse.move(0, 0)
    await expect(tooltip).toBeHidden()

    await term.focus()
    await expect(tooltip).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(tooltip).toBeHidden()
  })

  test('on a 360 px touch screen the first tap shows the popover inside the viewport, the second follows the link', async ({ browser }) => {
    const context = await browser.newContext({ ...devices['Pixel 5'], viewport: { width: 360, height: 740 } })
    const page = await context.newPage()
    await page.goto(alvh)
    const { term, slug, definition } = await firstTerm(page)
    await term.scrollIntoViewIfNeeded()
    // Tap the first letters: a term that wraps onto two lines has its box centre between the lines.
    await term.tap({ position: { x: 4, y: 4 } })
    const tooltip = page.getByRole('tooltip').filter({ hasText: definition })
    await expect(tooltip).toBeVisible()
    await expect(page).toHaveURL(new RegExp(`${alvh}$`))
    const box = await tooltip.boundingBox()
    expect(box).not.toBeNull()
    if (box) {
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(360)
    }
    await term.tap({ position: { x: 4, y: 4 } })
    await expect(page).toHaveURL(new RegExp(`/glossary/${slug}$`))
    await context.close()
  })

  test('Tab moves from a term into its open popover; axe finds nothing with a popover open', async ({ page }) => {
    await page.goto(alvh)
    const { term, slug, definition } = await firstTerm(page)
    await term.focus()
    const tooltip = page.getByRole('tooltip').filter({ hasText: definition })
    await expect(tooltip).toHaveCount(1)
    await page.keyboard.press('Tab')
    await expect(tooltip.getByRole('link', { name: /^Read more/ })).toBeFocused()
    await expect(tooltip.getByRole('link', { name: /^Read more/ })).toHaveAttribute('href', `/glossary/${slug}`)
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    await page.keyboard.press('Tab')
    await expect(tooltip).toHaveCount(0)
  })

  test('each definition is sent once: in the terms list, which the links point at, and its flight payload', async ({ page, request, browser }) => {
    const html = await (await request.get(alvh)).text()
    const markup = html.replace(/<script\b[\s\S]*?<\/script>/g, '')
    const flight = [...html.matchAll(/<script>(self\.__next_f[\s\S]*?)<\/script>/g)].map((m) => m[1]).join('')
    await page.goto(alvh)
    const definitions = await page.locator('#terms-referenced ~ dl dd').evaluateAll((dds) => dds.map((dd) => dd.textContent ?? ''))
    expect(definitions.length).toBeGreaterThan(3)
    // HTML and JSON escape quotes and ampersands differently: compare a stretch of plain words of each definition.
    const excerpt = (text: string) => (text.match(/[\w ,.;()-]{20,}/)?.[0] ?? text).slice(0, 30)
    for (const definition of definitions) {
      expect(markup.split(excerpt(definition)).length - 1, definition).toBe(1)
      expect(flight.split(excerpt(definition)).length - 1, definition).toBe(1)
    }
    // No popover markup is sent: popovers exist only while open.
    expect(markup).not.toContain('role="tooltip"')

    // Without JavaScript the list is the page's glossary: every linked term's link is described by its entry.
    const noJs = await browser.newContext({ javaScriptEnabled: false })
    const plain = await noJs.newPage()
    await plain.goto(alvh)
    const links = await plain.locator('.prose a.term-link').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('aria-describedby')]))
    expect(links.length).toBeGreaterThan(3)
    for (const [href, describedBy] of links) {
      expect(href).toMatch(/^\/glossary\/[a-z0-9-]+$/)
      await expect(plain.locator(`[id="${describedBy}"]`)).toHaveText(/\S+ \S+ \S+/)
    }
    await noJs.close()
  })

  test('"Glossary terms referenced" lists linked terms in order of first appearance', async ({ page }) => {
    await page.goto(alvh)
    const inBody = await page.locator('.prose a.term-link').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')?.replace('/glossary/', '')))])
    const listed = await page.locator('#terms-referenced ~ dl dt a').evaluateAll((links) => links.map((a) => a.getAttribute('href')?.replace('/glossary/', '')))
    expect(listed.length).toBeGreaterThan(3)
    expect(listed.slice(0, inBody.length)).toEqual(inBody)
  })
})

test.describe('glossary pages', () => {
  test('index has a letter bar and an instant filter, and is a plain list without JavaScript', async ({ page, browser }) => {
    await page.goto('/glossary')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary')
    await expect(page.getByRole('navigation', { name: 'Glossary letters' }).getByRole('link', { name: 'V', exact: true })).toBeVisible()
    const all = await page.locator('main dl dt').count()
    expect(all).toBeGreaterThanOrEqual(60)
    await page.getByLabel('Filter terms').fill('contango')
    await expect(page.locator('main dl dt').first()).toBeVisible()
    const filtered = await page.locator('main dl dt').count()
    expect(filtered).toBeGreaterThan(0)
    expect(filtered).toBeLessThan(all)
    await expect(page.locator('main dl dt').filter({ hasText: /^Contango$/ })).toHaveCount(1)

    const noJs = await browser.newContext({ javaScriptEnabled: false })
    const plain = await noJs.newPage()
    await plain.goto('/glossary')
    expect(await plain.locator('main dl dt').count()).toBe(all)
    await expect(plain.getByLabel('Filter terms')).toHaveCount(0)
    await noJs.close()
  })

  test('term page shows definition, aliases, related terms and backlinks', async ({ page }) => {
    await page.goto('/glossary/alvh')
    await expect(page.getByRole('heading', { level: 1 })).toContainText('ALVH')
    await expect(page.getByText('Also known as:')).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Related terms' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Answers that use this term' })).toBeVisible()
    await expect(page.locator(`section[aria-labelledby="backlinks"] a[href="${alvh}"]`)).toBeVisible()
    const response = await page.goto('/glossary/no-such-term')
    expect(response?.status()).toBe(404)
  })

  test('no axe violations on the glossary index and a term page', async ({ page }) => {
    for (const path of ['/glossary', '/glossary/contango']) {
      await page.goto(path)
      const results = await new AxeBuilder({ page }).analyze()
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), path).toEqual([])
    }
  })
})
