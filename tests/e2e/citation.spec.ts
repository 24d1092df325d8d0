import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

const slug = 'how-does-the-alvh-hedge-actually-respond-when-vix-term-structure-flattens-below-35-or-goes-into-backwardation'
const alvh = `/ask/${slug}`
const title = 'How does the ALVH hedge actually respond when VIX term structure flattens below +3.5% or goes into backwardation?'

// The e2e build runs with SITE_URL = the test server (scripts/test.sh), and the ALVH answer was updated 2026-12-02.
const siteUrl = `http://127.0.0.1:${process.env.E2E_PORT ?? 3200}`
const apaText = `VixShield Research Team. (2026, December 2). ${title} Ask VixShield. ${siteUrl}/ask/${slug}`

const citeSection = (page: Page) => page.getByRole('region', { name: 'Cite this answer' })

test.describe('Cite this answer', () => {
  test('copies the chosen style to the clipboard and says so', async ({ browser }) => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })
    const page = await context.newPage()
    await page.goto(alvh)
    const section = citeSection(page)
    await expect(section.locator('#citation-apa')).toHaveText(apaText)
    await expect(section.locator('#citation-apa i')).toHaveText(title)

    const copy = section.getByRole('button', { name: 'Copy' })
    const status = section.getByRole('status')
    await copy.click()
    await expect(section.getByRole('button', { name: 'Copied' })).toBeVisible()
    await expect(status).toHaveText('APA 7 citation copied to the clipboard.')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(apaText)
    // The rich form keeps the title's italics for word processors.
    const html = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read()
      return item ? (await item.getType('text/html')).text() : ''
    })
    expect(html).toContain(`<i>${title}</i>`)

    const style = section.getByLabel('Citation style')
    await style.selectOption({ label: 'MLA 9' })
    await expect(section.locator('#citation-mla')).toBeVisible()
    await expect(section.locator('#citation-apa')).toBeHidden()
    await expect(copy).toHaveText('Copy')
    await copy.click()
    await expect(status).toHaveText('MLA 9 citation copied to the clipboard.')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `“How Does the ALVH Hedge Actually Respond When VIX Term Structure Flattens below +3.5% or Goes into Backwardation?” Ask VixShield, VixShield Research Team, 2 Dec. 2026, ${siteUrl}/ask/${slug}.`,
    )

    await style.selectOption('bibtex')
    await copy.click()
    await expect(status).toHaveText('BibTeX citation copied to the clipboard.')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^@misc\{VixShield2026How,\n[\s\S]*\n\}$/)
    await context.close()
  })

  test('every style is keyboard-operable and the section has no axe violations', async ({ page }) => {
    await page.goto(alvh)
    const section = citeSection(page)
    const style = section.getByLabel('Citation style')
    await style.focus()
    for (const id of ['mla', 'chicago-note', 'chicago-bibliography', 'harvard', 'bibtex', 'ris', 'csl-json']) {
      await page.keyboard.press('ArrowDown')
      await expect(style).toHaveValue(id)
      await expect(section.locator(`#citation-${id}`)).toBeVisible()
      await expect(section.locator('[data-citation-format]:visible')).toHaveCount(1)
    }
    await page.keyboard.press('Tab')
    await expect(section.getByRole('button', { name: 'Copy' })).toBeFocused()
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      const results = await new AxeBuilder({ page }).include('section[aria-labelledby="cite-this-answer"]').analyze()
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), colorScheme).toEqual([])
    }
  })

  test('downloads .bib and .ris files with their content types', async ({ page, request }) => {
    await page.goto(alvh)
    const section = citeSection(page)
    for (const [name, extension, type, start] of [
      ['Download .bib', 'bib', 'application/x-bibtex; charset=utf-8', '@misc{VixShield2026How,\n'],
      ['Download .ris', 'ris', 'application/x-research-info-systems; charset=utf-8', 'TY  - ELEC\n'],
    ] as const) {
      const downloaded = page.waitForEvent('download')
      await section.getByRole('link', { name }).click()
      const download = await downloaded
      expect(download.suggestedFilename()).toBe(`${slug}.${extension}`)
      const file = readFileSync(await download.path(), 'utf8')
      expect(file.startsWith(start)).toBe(true)
      expect(file).toContain(`${siteUrl}/ask/${slug}`)

      const response = await request.get(`/api/citations/${slug}.${extension}`)
      expect(response.status()).toBe(200)
      expect(response.headers()['content-type']).toBe(type)
      expect(response.headers()['content-disposition']).toBe(`attachment; filename="${slug}.${extension}"`)
      // Not a page: the resource policy and the shared headers (lib/http/security-headers.ts) apply.
      expect(response.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'")
      expect(response.headers()['x-content-type-options']).toBe('nosniff')
      expect(await response.text()).toBe(file)
    }
    expect((await request.get('/api/citations/no-such-answer.bib')).status()).toBe(404)
    expect((await request.get(`/api/citations/${slug}.json`)).status()).toBe(404)
  })

  test('the citation library stays on the server: no script the page loads contains it', async ({ page, request }) => {
    const scripts: string[] = []
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.url())
    })
    await page.goto(alvh)
    await citeSection(page).getByLabel('Citation style').selectOption('mla')
    expect(scripts.length).toBeGreaterThan(0)
    for (const url of scripts) {
      const body = await (await request.get(url)).text()
      // citeproc's engine, citation-js's plugin registry and the CSL styles' identifiers.
      expect(body, url).not.toMatch(/citeproc|@citation-js|csl-bib-body|zotero\.org\/styles/)
    }
  })

  test('without JavaScript the APA text is there to select and every other format is reachable', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(alvh)
    const section = citeSection(page)
    await expect(section.locator('#citation-apa')).toBeVisible()
    await expect(section.locator('#citation-apa')).toHaveText(apaText)
    // A Copy button that cannot work is not shown.
    await expect(section.getByRole('button', { name: 'Copy' })).toBeHidden()
    const selected = await section.locator('#citation-apa').evaluate((element) => {
      const range = document.createRange()
      range.selectNodeContents(element)
      const selection = window.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
      return selection?.toString() ?? ''
    })
    expect(selected).toBe(apaText)
    // The selector switches formats in CSS alone.
    const style = section.getByLabel('Citation style')
    for (const [id, text] of [
      ['mla', 'VixShield Research Team, 2 Dec. 2026'],
      ['chicago-note', 'VixShield Research Team, “How Does the ALVH Hedge'],
      ['chicago-bibliography', 'Backwardation?” Ask VixShield, December 2, 2026.'],
      ['harvard', 'VixShield Research Team (2026) How does'],
      ['bibtex', '@misc{VixShield2026How,'],
      ['ris', 'TY  - ELEC'],
      ['csl-json', '"type": "webpage"'],
    ] as const) {
      await style.selectOption(id)
      await expect(section.locator(`#citation-${id}`)).toBeVisible()
      await expect(section.locator(`#citation-${id}`)).toContainText(text)
      await expect(section.locator('#citation-apa')).toBeHidden()
    }
    await expect(section.getByRole('link', { name: 'Download .bib' })).toHaveAttribute('href', `/api/citations/${slug}.bib`)
    await context.close()
  })
})
