import 'server-only'
import { publicWhere } from '@/lib/data/answers'
import { readIngestRevision } from '@/lib/data/ingest-revision'
import { parseStringList } from '@/lib/data/string-list'
import type { Db } from '@/lib/db'
import { parseQuery, wordsOf } from '@/lib/search/query'

// "Did you mean": when a query finds nothing, each word that no title, tag, category or glossary name contains is
// replaced by the closest word that one does (at most one edit for short words, two for longer ones). The
// vocabulary is small (names, not bodies), read once per ingest revision and kept in memory.

interface Vocabulary {
  revision: number
  /** Word → how many names use it: the more common of two equally close words wins. */
  counts: Map<string, number>
}

// Per client: a process talks to one store, but tests open several.
const cached = new WeakMap<Db, Promise<Vocabulary>>()

async function loadVocabulary(db: Db, revision: number): Promise<Vocabulary> {
  const [answers, terms, tags, categories] = await Promise.all([
    db.answer.findMany({ where: publicWhere, select: { title: true } }),
    db.glossaryTerm.findMany({ where: { unpublishedAt: null }, select: { term: true, aliases: true } }),
    db.tag.findMany({ select: { name: true } }),
    db.category.findMany({ select: { name: true } }),
  ])
  const counts = new Map<string, number>()
  const names = [...answers.map((a) => a.title), ...terms.flatMap((t) => [t.term, ...parseStringList(t.aliases)]), ...tags.map((t) => t.name), ...categories.map((c) => c.name)]
  for (const name of names) for (const word of wordsOf(name)) if (word.length > 1) counts.set(word, (counts.get(word) ?? 0) + 1)
  return { revision, counts }
}

async function vocabulary(db: Db): Promise<Vocabulary> {
  const revision = await readIngestRevision(db)
  const current = await cached.get(db)?.catch(() => undefined)
  if (current?.revision === revision) return current
  const loading = loadVocabulary(db, revision)
  cached.set(db, loading)
  return loading
}

/** Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps), stopping past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let beforePrevious: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1)
      row.push(value)
      best = Math.min(best, value)
    }
    if (best > max) return max + 1
    beforePrevious = previous
    previous = row
  }
  return previous[b.length] ?? max + 1
}

const allowedEdits = (word: string) => (word.length <= 4 ? 1 : 2)

function closestWord(word: string, counts: Map<string, number>): string | undefined {
  const max = allowedEdits(word)
  let best: { word: string; distance: number; count: number } | undefined
  for (const [candidate, count] of counts) {
    const distance = editDistance(word, candidate, max)
    if (distance > max) continue
    if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word: candidate, distance, count }
  }
  return best?.word
}

/**
 * A corrected query, or null when every word is known or no word has a close match. Words in quotes are kept
 * as the visitor wrote them, folded; the result is plain words (what the search box would be given).
 */
export async function suggestQuery(db: Db, query: string): Promise<string | null> {
  const words = parseQuery(query).groups.flatMap((group) => group.alternatives[0]?.words ?? [])
  if (words.length === 0) return null
  const { counts } = await vocabulary(db)
  let changed = false
  const corrected = words.map((word) => {
    if (counts.has(word) || word.length < 3) return word
    const closest = closestWord(word, counts)
    if (!closest) return word
    changed = true
    return closest
  })
  return changed ? corrected.join(' ') : null
}
