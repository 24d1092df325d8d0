import { beforeAll, describe, expect, it } from 'vitest'
import { GET } from '@/app/api/citations/[file]/route'
import { env } from '@/lib/env'
import { draftSlug, publicSlug, seedViewAnswers } from '@/tests/helpers/view-requests'

beforeAll(seedViewAnswers)

const download = (file: string) => GET(new Request(`${env.SITE_URL}/api/citations/${file}`), { params: Promise.resolve({ file }) })

describe('GET /api/citations/<slug>.bib|.ris|.json|.txt against a real database', () => {
  it('answers BibTeX as a file to save', async () => {
    const response = await download(`${publicSlug}.bib`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/x-bibtex; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${publicSlug}.bib"`)
    const body = await response.text()
    expect(body).toMatch(/^@misc\{VixShield2026Which,\n/)
    expect(body).toContain('\ttitle = {Which answer gets the views?},\n')
    expect(body).toContain(`\turl = {${env.SITE_URL}/ask/${publicSlug}},\n`)
    expect(body.endsWith('}\n')).toBe(true)
  })

  it('answers RIS as a file to save', async () => {
    const response = await download(`${publicSlug}.ris`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/x-research-info-systems; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${publicSlug}.ris"`)
    const lines = (await response.text()).split('\n')
    expect(lines[0]).toBe('TY  - ELEC')
    expect(lines).toContain('TI  - Which answer gets the views?')
    expect(lines).toContain(`UR  - ${env.SITE_URL}/ask/${publicSlug}`)
    expect(lines.slice(-2)).toEqual(['ER  - ', ''])
  })

  it('answers every format as JSON for the style selector, the formatted ones with their italics as runs', async () => {
    const response = await download(`${publicSlug}.json`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('cache-control')).toBe('public, max-age=300')
    expect(response.headers.get('content-disposition')).toBeNull()
    const body: unknown = await response.json()
    const url = `${env.SITE_URL}/ask/${publicSlug}`
    expect(body).toEqual({
      apa: {
        text: `VixShield Research Team. (2026, March 14). Which answer gets the views? Ask VixShield. ${url}`,
        segments: [
          { text: 'VixShield Research Team. (2026, March 14). ', italic: false },
          { text: 'Which answer gets the views?', italic: true },
          { text: ` Ask VixShield. ${url}`, italic: false },
        ],
      },
      mla: { text: expect.stringMatching(/^“Which Answer Gets the Views\?” Ask VixShield, VixShield Research Team, 14 Mar\. 2026, /), segments: expect.any(Array) },
      'chicago-note': { text: `VixShield Research Team, “Which Answer Gets the Views?,” Ask VixShield, March 14, 2026, ${url}.`, segments: expect.any(Array) },
      'chicago-bibliography': { text: expect.stringContaining('Ask VixShield, March 14, 2026.'), segments: expect.any(Array) },
      harvard: { text: expect.stringMatching(/^VixShield Research Team \(2026\) /), segments: expect.any(Array) },
      bibtex: { text: expect.stringMatching(/^@misc\{VixShield2026Which,\n[\s\S]*\}$/) },
      ris: { text: expect.stringMatching(/^TY {2}- ELEC\n[\s\S]*\nER {2}- $/) },
      'csl-json': { text: expect.stringContaining('"type": "webpage"') },
    })
  })

  it('answers every format under its name as plain text, for readers without JavaScript', async () => {
    const response = await download(`${publicSlug}.txt`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('public, max-age=300')
    expect(response.headers.get('content-disposition')).toBeNull()
    const text = await response.text()
    const url = `${env.SITE_URL}/ask/${publicSlug}`
    expect(text.startsWith(`Cite this answer: Which answer gets the views?\n${url}\n\nAPA 7\n\nVixShield Research Team. (2026, March 14). Which answer gets the views? Ask VixShield. ${url}\n`)).toBe(true)
    const headings = ['APA 7', 'MLA 9', 'Chicago 17 (note)', 'Chicago 17 (bibliography)', 'Harvard (Cite Them Right)', 'BibTeX', 'RIS', 'CSL-JSON']
    const positions = headings.map((heading) => text.indexOf(`\n${heading}\n\n`))
    expect(positions.every((position) => position > 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(text).toContain('\nBibTeX\n\n@misc{VixShield2026Which,\n')
    expect(text).toContain('\nRIS\n\nTY  - ELEC\n')
    expect(text.endsWith(']\n')).toBe(true)
  })

  it('is a 404 for a draft, an unknown slug, a bad slug or another extension', async () => {
    const files = [`${draftSlug}.bib`, `${draftSlug}.json`, `${draftSlug}.txt`, 'no-such-answer.ris', 'no-such-answer.json', 'no-such-answer.txt']
    for (const file of [...files, 'NOT-A-SLUG.json', '..%2f.bib', `${publicSlug}.html`, `${publicSlug}.JSON`, publicSlug, '.json', '.txt']) {
      const response = await download(file)
      expect(response.status, file).toBe(404)
      expect(response.headers.get('cache-control'), file).toBe('no-store')
    }
  })
})
