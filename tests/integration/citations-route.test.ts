import { beforeAll, describe, expect, it } from 'vitest'
import { GET } from '@/app/api/citations/[file]/route'
import { env } from '@/lib/env'
import { draftSlug, publicSlug, seedViewAnswers } from '@/tests/helpers/view-requests'

beforeAll(seedViewAnswers)

const download = (file: string) => GET(new Request(`${env.SITE_URL}/api/citations/${file}`), { params: Promise.resolve({ file }) })

describe('GET /api/citations/<slug>.bib|.ris against a real database', () => {
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

  it('is a 404 for a draft, an unknown slug, a bad slug or another extension', async () => {
    for (const file of [`${draftSlug}.bib`, 'no-such-answer.ris', 'NOT-A-SLUG.bib', '..%2f.bib', `${publicSlug}.json`, publicSlug, '.bib']) {
      const response = await download(file)
      expect(response.status, file).toBe(404)
      expect(response.headers.get('cache-control'), file).toBe('no-store')
    }
  })
})
