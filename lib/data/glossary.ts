import 'server-only'
import { cache } from 'react'
import { listSelect, publicWhere, toListItem, type AnswerListItem, type TermDefinition } from '@/lib/data/answers'
import { parseStringList } from '@/lib/data/string-list'
import { db } from '@/lib/db'

export interface GlossaryListItem extends TermDefinition {
  aliases: string[]
  category: string | null
}

export interface GlossaryTermDetail extends GlossaryListItem {
  code: string
  related: TermDefinition[]
  /** Backlinks: the newest `termBacklinkLimit` public answers that link this term. */
  answers: AnswerListItem[]
  /** How many public answers link this term in all. */
  answerCount: number
}

/**
 * A term page lists at most this many answers: a common term is linked from most answers, and listing them all
 * made each such page grow with the site (13 MB each at 10,000 answers, 1.2 GB of a build's 1.6 GB).
 */
export const termBacklinkLimit = 50

const byTerm = (a: { term: string }, b: { term: string }) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base', numeric: true })

export async function listGlossaryTerms(): Promise<GlossaryListItem[]> {
  const client = await db()
  const rows = await client.glossaryTerm.findMany({
    where: { unpublishedAt: null },
    select: { slug: true, term: true, short: true, aliases: true, category: true },
  })
  return rows.map((row) => ({ ...row, aliases: parseStringList(row.aliases) })).sort(byTerm)
}

export const getGlossaryTerm = cache(async (slug: string): Promise<GlossaryTermDetail | null> => {
  const client = await db()
  const row = await client.glossaryTerm.findFirst({
    where: { slug, unpublishedAt: null },
    select: {
      slug: true,
      term: true,
      short: true,
      aliases: true,
      category: true,
      code: true,
      related: true,
      answers: {
        where: { answer: publicWhere },
        select: { answer: { select: listSelect } },
        orderBy: [{ answer: { publishedAt: 'desc' } }, { answer: { slug: 'asc' } }],
        take: termBacklinkLimit,
      },
      _count: { select: { answers: { where: { answer: publicWhere } } } },
    },
  })
  if (!row) return null
  const relatedSlugs = parseStringList(row.related)
  const related = await client.glossaryTerm.findMany({
    where: { slug: { in: relatedSlugs }, unpublishedAt: null },
    select: { slug: true, term: true, short: true },
  })
  const order = new Map(relatedSlugs.map((s, i) => [s, i]))
  return {
    slug: row.slug,
    term: row.term,
    short: row.short,
    aliases: parseStringList(row.aliases),
    category: row.category,
    code: row.code,
    related: related.sort((a, b) => (order.get(a.slug) ?? 0) - (order.get(b.slug) ?? 0)),
    answers: row.answers.map(({ answer }) => toListItem(answer)),
    answerCount: row._count.answers,
  }
})
