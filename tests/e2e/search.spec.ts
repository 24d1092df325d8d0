import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

const vxx = '/ask/why-do-vxx-and-uvxy-lose-value-over-time'

test.describe('search', () => {
  test('the search page ranks answers with highlighted snippets, glossary cards, filters and a count; no axe violations', async ({ page }) => {
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text())
    })
    await page.goto('/search?q=vix+backwardation')
    await expect(page.getByRole('status').filter({ hasText: /\d+ answers? for vix backwardation/ })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Glossary' }).getByRole('link', { name: 'Backwardation' })).toBeVisible()
    const first = page.locator('main ol > li').first()
    await expect(first.locator('mark').first()).toBeVisible()
    expect(await page.locator('main ol > li').count()).toBeGreaterThan(1)
    const axe = await new AxeBuilder({ page }).analyze()
    expect(axe.violations.map((v) => v.id)).toEqual([])
    // A category filter narrows the results and is shown as chosen.
    const filters = page.getByRole('complementary', { name: 'Filters' })
    const category = filters.locator('a[href*="category="]:visible').first()
    const name = (await category.locator('span').first().textContent()) ?? ''
    await category.click()
    await expect(page).toHaveURL(/category=/)
    await expect(filters.locator('a[aria-current="true"]').filter({ hasText: name }).first()).toBeAttached()
    expect(violations).toEqual([])
  })

  test('typing on the search page updates the results and the URL in place', async ({ page }) => {
    await page.goto('/search')
    const box = page.getByRole('searchbox', { name: 'Search answers and glossary terms' })
    await expect(box).toBeFocused()
    await box.pressSequentially('contango', { delay: 30 })
    await expect(page).toHaveURL(/\/search\?q=contango$/)
    await expect(page.getByRole('status').filter({ hasText: /answers? for contango/ })).toBeVisible()
  })

  test('nothing found: did-you-mean that finds something, and the most read answers; no axe violations', async ({ page }) => {
    await page.goto('/search?q=backwardaton')
    await expect(page.getByRole('heading', { name: /No answers match/ })).toBeVisible()
    const suggestion = page.getByRole('link', { name: 'backwardation', exact: true })
    await expect(suggestion).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Most read answers' })).toBeVisible()
    const axe = await new AxeBuilder({ page }).analyze()
    expect(axe.violations.map((v) => v.id)).toEqual([])
    await suggestion.click()
    await expect(page.getByRole('status').filter({ hasText: /answers? for backwardation/ })).toBeVisible()
  })

  test('the header box: / focuses it, results appear while typing, arrows and Enter open one; Ctrl-K focuses too', async ({ page }) => {
    await page.goto(vxx)
    const box = page.getByRole('combobox', { name: 'Search answers' })
    await page.locator('h1').click()
    await page.keyboard.press('/')
    await expect(box).toBeFocused()
    await page.keyboard.type('iron condor', { delay: 30 })
    const list = page.getByRole('listbox', { name: 'Search suggestions' })
    await expect(list.getByRole('option').first()).toBeVisible()
    await expect(box).toHaveAttribute('aria-expanded', 'true')
    const axe = await new AxeBuilder({ page }).analyze()
    expect(axe.violations.map((v) => v.id)).toEqual([])
    await page.keyboard.press('ArrowDown')
    const chosen = list.getByRole('option', { selected: true })
    await expect(chosen).toHaveCount(1)
    const href = await chosen.getAttribute('href')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(new RegExp(`${href}$`))
    await page.locator('h1').click()
    await page.keyboard.press('Control+k')
    await expect(page.getByRole('combobox', { name: 'Search answers' })).toBeFocused()
  })

  test('without JavaScript the header form and the search page work as plain GET forms', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(vxx)
    await page.getByRole('combobox', { name: 'Search answers' }).fill('condor')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/search\?q=condor$/)
    await expect(page.locator('main ol > li').first()).toBeVisible()
    await page.getByRole('searchbox').fill('"term structure"')
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'term structure' })).toBeVisible()
    await context.close()
  })
})
