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

// What each format starts with or contains for the ALVH answer; every one but APA arrives from the JSON route.
const formatTexts = [
  ['mla', 'MLA 9', `“How Does the ALVH Hedge Actually Respond When VIX Term Structure Flattens below +3.5% or Goes into Backwardation?” Ask VixShield, VixShield Research Team, 2 Dec. 2026, ${siteUrl}/ask/${slug}.`],
  ['chicago-note', 'Chicago 17 (note)', 'VixShield Research Team, “How Does the ALVH Hedge'],
  ['chicago-bibliography', 'Chicago 17 (bibliography)', 'Backwardation?” Ask VixShield, December 2, 2026.'],
  ['harvard', 'Harvard (Cite Them Right)', 'VixShield Research Team (2026) How does'],
  ['bibtex', 'BibTeX', '@misc{VixShield2026How,'],
  ['ris', 'RIS', 'TY  - ELEC'],
  ['csl-json', 'CSL-JSON', '"type": "webpage"'],
] as const

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
    const clipboardHtml = () =>
      page.evaluate(async () => {
        const [item] = await navigator.clipboard.read()
        return item ? (await item.getType('text/html')).text() : ''
      })
    expect(await clipboardHtml()).toContain(`<i>${title}</i>`)

    const style = section.getByLabel('Citation style')
    await style.selectOption({ label: 'MLA 9' })
    await expect(section.locator('#citation-mla')).toHaveText(formatTexts[0][2])
    await expect(section.locator('#citation-apa')).toHaveCount(0)
    await expect(copy).toHaveText('Copy')
    await copy.click()
    await expect(status).toHaveText('MLA 9 citation copied to the clipboard.')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(formatTexts[0][2])
    expect(await clipboardHtml()).toContain('<i>Ask VixShield</i>')

    await style.selectOption('bibtex')
    await copy.click()
    await expect(status).toHaveText('BibTeX citation copied to the clipboard.')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^@misc\{VixShield2026How,\n[\s\S]*\n\}$/)

    await style.selectOption('apa')
    await copy.click()
    await expect(status).toHaveText('APA 7 citation copied to the clipboard.')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(apaText)
    await context.close()
  })

  test('each format shows its text after one fetch of them all, with a loading state', async ({ page }) => {
    const fetched: string[] = []
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/api/citations/*.json', async (route) => {
      fetched.push(route.request().url())
      await held
      await route.continue()
    })
    await page.goto(alvh)
    const section = citeSection(page)
    const style = section.getByLabel('Citation style')
    await style.selectOption('mla')
    await expect(section.getByText('Loading MLA 9…')).toBeVisible()
    await expect(section.getByRole('status')).toHaveText('Loading the MLA 9 citation.')
    await expect(section.getByRole('button', { name: 'Copy' })).toBeDisabled()
    release()
    for (const [id, , text] of formatTexts) {
      await style.selectOption(id)
      await expect(section.locator(`#citation-${id}`)).toContainText(text)
      await expect(section.locator('[id^="citation-"]')).toHaveCount(1)
    }
    await expect(section.getByText('Cite Them Right ends a web reference')).toHaveCount(0)
    await style.selectOption('harvard')
    await expect(section.getByText('Cite Them Right ends a web reference')).toBeVisible()
    await style.selectOption('apa')
    await expect(section.locator('#citation-apa')).toHaveText(apaText)
    expect(fetched).toEqual([`${siteUrl}/api/citations/${slug}.json`])
  })

  test('a failed fetch says so, and choosing the style again retries', async ({ page }) => {
    await page.route('**/api/citations/*.json', (route) => route.abort())
    await page.goto(alvh)
    const section = citeSection(page)
    const style = section.getByLabel('Citation style')
    await style.selectOption('ris')
    await expect(section.getByRole('alert')).toHaveText(
      'The RIS citation could not be loaded. Choose it again to retry, or open All formats (text) below.',
    )
    await expect(section.getByRole('button', { name: 'Copy' })).toBeDisabled()
    await page.unroute('**/api/citations/*.json')
    await style.selectOption('apa')
    await style.selectOption('ris')
    await expect(section.locator('#citation-ris')).toContainText('TY  - ELEC')
    await expect(section.getByRole('alert')).toHaveCount(0)
  })

  test('every style is keyboard-operable and the section has no axe violations', async ({ page }) => {
    await page.goto(alvh)
    const section = citeSection(page)
    const style = section.getByLabel('Citation style')
    const axe = async (label: string) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme })
        const results = await new AxeBuilder({ page }).include('section[aria-labelledby="cite-this-answer"]').analyze()
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${label} ${colorScheme}`).toEqual([])
      }
    }
    await axe('APA')
    await style.focus()
    for (const [id] of formatTexts) {
      await page.keyboard.press('ArrowDown')
      await expect(style).toHaveValue(id)
      await expect(section.locator(`#citation-${id}`)).toBeVisible()
      await expect(style).toBeFocused()
    }
    await page.keyboard.press('Tab')
    await expect(section.getByRole('button', { name: 'Copy' })).toBeFocused()
    await axe('CSL-JSON')
  })

  test('serves .bib and .ris downloads, the JSON and the text of every format, with their headers', async ({ page, request }) => {
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
      expect(await response.text()).toBe(file)
    }
    for (const [extension, type] of [
      ['bib', 'application/x-bibtex; charset=utf-8'],
      ['json', 'application/json'],
      ['txt', 'text/plain; charset=utf-8'],
    ] as const) {
      const response = await request.get(`/api/citations/${slug}.${extension}`)
      expect(response.status(), extension).toBe(200)
      expect(response.headers()['content-type'], extension).toBe(type)
      expect(response.headers()['cache-control'], extension).toBe('public, max-age=300')
      // Not a page: the resource policy and the shared headers (lib/http/security-headers.ts) apply.
      expect(response.headers()['content-security-policy'], extension).toBe("default-src 'none'; frame-ancestors 'none'")
      expect(response.headers()['x-content-type-options'], extension).toBe('nosniff')
    }
    const body: unknown = await (await request.get(`/api/citations/${slug}.json`)).json()
    expect(body).toMatchObject({ apa: { text: apaText } })
    for (const file of ['no-such-answer.bib', 'no-such-answer.json', 'no-such-answer.txt', `${slug}.xml`]) {
      expect((await request.get(`/api/citations/${file}`)).status(), file).toBe(404)
    }
  })

  test('the citation library stays on the server: no script the page loads contains it', async ({ page, request }) => {
    const scripts: string[] = []
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.url())
    })
    await page.goto(alvh)
    const section = citeSection(page)
    await section.getByLabel('Citation style').selectOption('mla')
    await expect(section.locator('#citation-mla')).toBeVisible()
    expect(scripts.length).toBeGreaterThan(0)
    for (const url of scripts) {
      const body = await (await request.get(url)).text()
      // citeproc's engine, citation-js's plugin registry and the CSL styles' identifiers.
      expect(body, url).not.toMatch(/citeproc|@citation-js|csl-bib-body|zotero\.org\/styles/)
    }
  })

  test('without JavaScript the APA text is there to select and every other format is a link away', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(alvh)
    const section = citeSection(page)
    await expect(section.locator('#citation-apa')).toBeVisible()
    await expect(section.locator('#citation-apa')).toHaveText(apaText)
    // A selector and a Copy button that cannot work are not shown.
    await expect(section.getByRole('button', { name: 'Copy' })).toBeHidden()
    await expect(section.getByLabel('Citation style')).toBeHidden()
    const selected = await section.locator('#citation-apa').evaluate((element) => {
      const range = document.createRange()
      range.selectNodeContents(element)
      const selection = window.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
      return selection?.toString() ?? ''
    })
    expect(selected).toBe(apaText)
    await expect(section.getByRole('link', { name: 'Download .bib' })).toHaveAttribute('href', `/api/citations/${slug}.bib`)
    await expect(section.getByRole('link', { name: 'Download .ris' })).toHaveAttribute('href', `/api/citations/${slug}.ris`)

    await section.getByRole('link', { name: 'All formats (text)' }).click()
    await expect(page).toHaveURL(`${siteUrl}/api/citations/${slug}.txt`)
    const text = (await page.locator('body').textContent()) ?? ''
    expect(text.startsWith(`Cite this answer: ${title}\n${siteUrl}/ask/${slug}\n\nAPA 7\n\n${apaText}\n`)).toBe(true)
    for (const [, label, formatted] of formatTexts) {
      expect(text).toContain(`\n${label}\n\n`)
      expect(text).toContain(formatted)
    }
    await context.close()
  })
})
