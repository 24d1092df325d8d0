import 'server-only'
import type { Tx } from '@/lib/data/sql-rows'
import { chunk } from '@/lib/data/sql-rows'
import { parseStringList } from '@/lib/data/string-list'
import type { Provider } from '@/lib/db'
import { cleanIndexText, plainTextOfStoredBody } from '@/lib/search/plain-text'
import { postgresSearch } from '@/lib/search/postgres-search'
import type { SearchDocument } from '@/lib/search/search-types'
import { sqliteSearch } from '@/lib/search/sqlite-search'

// Keeps the search index in step with the content rows, inside the ingest's transaction: the given answers are
// re-read from the rows just written and re-indexed when public, removed from the index otherwise.

export async function reindexAnswers(tx: Tx, provider: Provider, answerIds: Iterable<number>): Promise<void> {
  const dialect = provider === 'sqlite' ? sqliteSearch : postgresSearch
  for (const ids of chunk([...new Set(answerIds)], 500)) {
    const rows = await tx.answer.findMany({
      where: { id: { in: ids }, draft: false, unpublishedAt: null },
      select: {
        id: true,
        title: true,
        summary: true,
        code: true,
        categoryId: true,
        tags: { select: { tag: { select: { id: true, name: true } } } },
        terms: { where: { term: { unpublishedAt: null } }, select: { term: { select: { term: true, aliases: true } } } },
      },
    })
    const documents = rows.map(
      (row): SearchDocument => ({
        id: row.id,
        title: cleanIndexText(row.title),
        tags: cleanIndexText(row.tags.map((link) => link.tag.name).join(' ')),
        terms: cleanIndexText(row.terms.map(({ term }) => [term.term, ...parseStringList(term.aliases)].join(' ')).join(' ')),
        summary: cleanIndexText(row.summary),
        body: plainTextOfStoredBody(row.code),
        categoryId: row.categoryId,
        tagIds: row.tags.map((link) => link.tag.id),
      }),
    )
    await dialect.writeDocuments(tx, ids, documents)
  }
}

/** The answers an ingest's writes touch in the index: written or removed answers and those linked to changed terms. */
export async function answersToReindex(tx: Tx, written: Iterable<number>, removedSlugs: readonly string[], changedTermSlugs: readonly string[]): Promise<number[]> {
  const ids = new Set(written)
  for (const slugs of chunk(removedSlugs, 500)) {
    for (const row of await tx.answer.findMany({ where: { slug: { in: slugs } }, select: { id: true } })) ids.add(row.id)
  }
  for (const slugs of chunk(changedTermSlugs, 500)) {
    const links = await tx.answerTerm.findMany({ where: { term: { slug: { in: slugs } } }, select: { answerId: true } })
    for (const link of links) ids.add(link.answerId)
  }
  return [...ids]
}
