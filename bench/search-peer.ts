// The in-memory peer: MiniSearch over the same documents and queries (same field boosts, the last word a prefix,
// all words required). It ranks and returns ids only: no snippets, facets or phrase matching (it has none).
import MiniSearch from 'minisearch'
import { corpusAnswer } from './search-corpus'
import type { SearchDocument } from '@/lib/search/search-types'
import type { BenchQuery } from './search-queries'

// The index's own document shape, with the category and tags as the slugs the bench queries filter by.
type PeerDoc = Omit<SearchDocument, 'categoryId' | 'tagIds'> & { category: string; tagSlugs: string[] }

export function buildPeer(count: number): { peer: MiniSearch<PeerDoc>; seconds: number } {
  const peer = new MiniSearch<PeerDoc>({ fields: ['title', 'tags', 'terms', 'summary', 'body'], storeFields: ['category', 'tagSlugs'] })
  const t0 = performance.now()
  for (let i = 0; i < count; i++) {
    const { write, body } = corpusAnswer(i)
    peer.add({ id: i, title: write.title, tags: write.tags.map((t) => t.name).join(' '), terms: write.terms.join(' '), summary: write.summary, body, category: write.category.slug, tagSlugs: write.tags.map((t) => t.slug) })
  }
  return { peer, seconds: (performance.now() - t0) / 1000 }
}

export function peerSearch(peer: MiniSearch<PeerDoc>, query: BenchQuery): number {
  const typing = !/\s$/.test(query.q)
  const results = peer.search(query.q.replaceAll('"', ' '), {
    boost: { title: 10, tags: 6, terms: 6, summary: 3 },
    combineWith: 'AND',
    prefix: (_term, index, terms) => typing && index === terms.length - 1,
    filter: (result) => (!query.category || result.category === query.category) && (!query.tag || (result.tagSlugs as string[]).includes(query.tag)),
  })
  return results.slice(0, 10).length
}
