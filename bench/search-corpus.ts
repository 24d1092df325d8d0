// A generated corpus for the search benchmark, written straight into the store through the ingest's own write
// (applyIngestPlan, which also indexes): compiling 100,000 MDX files would measure the compiler, not search.
import type { AnswerWrite, GlossaryWrite } from '@/lib/data/content-store'
import { applyIngestPlan } from '@/lib/data/content-store'
import type { Db } from '@/lib/db'
import { benchTerms, paragraph, seededRandom } from './generate'

export const benchCategories = ['VIX Hedging', 'Iron Condors', 'Market Indicators', 'Volatility Products', 'Event Risk']
const titleWords = 'hedge premium strike expiry spread credit delta gamma theta vega roll contract signal breadth momentum trend divergence curve index volatility'.split(' ')
const tagWords = 'hedging income breadth futures options earnings rates skew condors puts calls structure'.split(' ')
const aliases: Record<string, string[]> = { DTE: ['days to expiry'], 'implied volatility': ['IV'], SPX: ['S&P 500 index'] }

const slugOf = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')

export interface CorpusAnswer {
  write: AnswerWrite
  /** The body as plain text (what the index holds), for the in-memory peer. */
  body: string
}

export function benchGlossary(): GlossaryWrite[] {
  return benchTerms.map((term) => ({
    slug: slugOf(term), sourcePath: `glossary/${slugOf(term)}.mdx`, term, aliases: aliases[term] ?? [], short: `Benchmark definition of ${term}.`,
    related: [], category: null, code: '{"type":"root","children":[]}', contentHash: slugOf(term),
  }))
}

/** Answer `i` of the corpus: ~700 words in paragraphs, a title, a category, two or three tags, linked terms. */
export function corpusAnswer(i: number): CorpusAnswer {
  const random = seededRandom(1000 + i)
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T
  const mention = () => pick(benchTerms)
  const paragraphs: string[] = []
  let words = 0
  while (words < 700) {
    const text = paragraph(random, 4, mention)
    paragraphs.push(text)
    words += text.split(' ').length
  }
  const body = paragraphs.join(' ')
  const title = `How does ${pick(titleWords)} ${pick(titleWords)} affect ${pick(benchTerms)} ${pick(titleWords)}? (${i + 1})`
  const tags = [...new Set([pick(tagWords), pick(tagWords), pick(tagWords)])].map((tag) => ({ slug: tag, name: tag }))
  const category = benchCategories[i % benchCategories.length] ?? 'Event Risk'
  const hast = { type: 'root', children: paragraphs.map((text) => ({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] })) }
  const write: AnswerWrite = {
    slug: `bench-${i + 1}`, sourcePath: `answers/bench-${i + 1}.mdx`, title, category: { slug: slugOf(category), name: category }, tags,
    author: 'Bench', authors: [{ kind: 'group', name: 'Bench' }], basedOn: null,
    publishedAt: new Date(Date.UTC(2020 + (i % 6), i % 12, 1 + (i % 28))), revisedAt: null, reviewedBy: null, reviewedAt: null,
    summary: paragraphs[0]?.split('. ')[0] ?? title, draft: false, code: JSON.stringify(hast), wordCount: words,
    readingMinutes: Math.ceil(words / 230), contentHash: `bench-${i}`, glossaryVersion: 'bench',
    terms: benchTerms.filter((term) => body.includes(term)).map(slugOf),
  }
  return { write, body }
}

/** Writes answers [0, count) in ingest-sized transactions; returns the seconds spent. */
export async function writeCorpus(db: Db, count: number, batchSize = 1000): Promise<number> {
  const t0 = performance.now()
  for (let start = 0, revision = 0; start < count; start += batchSize, revision++) {
    const answerUpserts = Array.from({ length: Math.min(batchSize, count - start) }, (_, k) => corpusAnswer(start + k).write)
    const plan = { baseRevision: revision, glossaryUpserts: revision === 0 ? benchGlossary() : [], glossaryRemovals: [], answerUpserts, answerVersionBumps: { slugs: [], glossaryVersion: 'bench' }, answerRemovals: [] }
    if ((await applyIngestPlan(db, plan)) !== 'applied') throw new Error('bench corpus write was refused (another writer?)')
  }
  return (performance.now() - t0) / 1000
}
