import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** Writes a content directory from a map of relative path → file text (or bytes). */
export function writeContentDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ask-kb-content-'))
  for (const [relPath, text] of Object.entries(files)) {
    const target = path.join(dir, relPath)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, text)
  }
  return dir
}

export function answerSource(fields: Record<string, string>, body: string): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`)
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`
}

export const validFields = {
  title: '"What is contango in VIX futures?"',
  category: 'Volatility Products',
  tags: '[vix, contango]',
  author: 'VixShield Research Team',
  publishedAt: '2026-03-14',
}

export const glossaryEntry = (term: string, aliases: string[] = [], related: string[] = []) =>
  `---\nterm: "${term}"\naliases: ${JSON.stringify(aliases)}\nshort: "Short definition of ${term} for tests."\nrelated: ${JSON.stringify(related)}\n---\n\nLonger explanation of ${term}.\n`
