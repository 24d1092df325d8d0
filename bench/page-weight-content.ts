// The content the page-weight figures are measured on: the real content/ plus one answer that links 30 glossary
// terms. The issue's reference page (the old site's ALVH answer) linked 30; ours links fewer, so the extra answer
// is the ALVH answer's own text with a closing section that names glossary terms it does not use yet.
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ingestContent } from '@/lib/content/ingest'
import type { Db } from '@/lib/db'

export const alvhSlug = 'how-does-the-alvh-hedge-actually-respond-when-vix-term-structure-flattens-below-35-or-goes-into-backwardation'
export const thirtyTermSlug = 'how-does-the-alvh-hedge-respond-as-the-vix-curve-flattens-page-weight-reference'
const alvhFile = `answers/${alvhSlug}.mdx`

async function ingestOrThrow(contentDir: string, db: Db): Promise<void> {
  const report = await ingestContent({ contentDir, db, write: true })
  if (report.problems.length > 0) {
    throw new Error(`content has problems:\n${report.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n')}`)
  }
}

async function linkedSlugs(db: Db, slug: string): Promise<string[]> {
  const row = await db.answer.findFirst({ where: { slug }, select: { terms: { orderBy: { position: 'asc' }, select: { term: { select: { slug: true } } } } } })
  return row?.terms.map((t) => t.term.slug) ?? []
}

/**
 * The ALVH answer with a new title, slug, category and tags of its own (so that no real answer's "Keep reading"
 * changes) and a last section that links `extra` more terms explicitly.
 */
export function thirtyTermAnswer(alvhSource: string, extra: { slug: string; term: string }[]): string {
  const end = alvhSource.indexOf('\n---', 4)
  if (!alvhSource.startsWith('---\n') || end < 0) throw new Error(`${alvhFile} has no front matter`)
  const body = alvhSource.slice(end + 4).trim()
  // "Time Value (Extrinsic Value)" reads as "Time Value" in a sentence.
  const mentions = extra.map((t) => `<Term slug="${t.slug}">${t.term.replace(/\s*\(.*\)$/, '')}</Term>`)
  const sentences: string[] = []
  for (let i = 0; i < mentions.length; i += 3) sentences.push(`Readers who follow this through usually meet ${mentions.slice(i, i + 3).join(', ')} next.`)
  return [
    '---',
    'title: "How does the ALVH hedge respond as the VIX curve flattens? (page-weight reference with thirty linked terms)"',
    `slug: ${thirtyTermSlug}`,
    'category: Page Weight Reference',
    'tags: [pw-vix, pw-alvh, pw-hedging, pw-term-structure, pw-contango, pw-backwardation]',
    'author: VixShield Research Team',
    'basedOn: SPX Mastery by Russell Clark',
    'publishedAt: 2026-03-14',
    'updatedAt: 2026-09-02',
    '---',
    '',
    body,
    '',
    '## Where to read next',
    '',
    sentences.join(' '),
    '',
  ].join('\n')
}

/**
 * Copies `contentDir` to `targetDir`, ingests it into `db`, then adds the 30-term answer and ingests again.
 * Returns the answers' slugs and how many terms each links.
 */
export async function preparePageWeightContent(contentDir: string, targetDir: string, db: Db, terms = 30) {
  cpSync(contentDir, targetDir, { recursive: true })
  await ingestOrThrow(targetDir, db)
  const used = new Set(await linkedSlugs(db, alvhSlug))
  if (used.size === 0) throw new Error(`${alvhFile} is missing or links no glossary term`)
  const glossary = await db.glossaryTerm.findMany({ where: { unpublishedAt: null }, select: { slug: true, term: true }, orderBy: { slug: 'asc' } })
  const extra = glossary.filter((t) => !used.has(t.slug)).slice(0, Math.max(0, terms - used.size))
  const source = readFileSync(path.join(contentDir, alvhFile), 'utf8')
  writeFileSync(path.join(targetDir, 'answers', `${thirtyTermSlug}.mdx`), thirtyTermAnswer(source, extra))
  await ingestOrThrow(targetDir, db)
  const linked = (await linkedSlugs(db, thirtyTermSlug)).length
  if (linked < terms) throw new Error(`the page-weight answer links ${linked} terms, not ${terms}`)
  return { alvh: { slug: alvhSlug, terms: used.size }, reference: { slug: thirtyTermSlug, terms: linked } }
}
