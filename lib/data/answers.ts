import 'server-only'
import { cache } from 'react'
import type { Prisma } from '@/generated/prisma/client'
import { db } from '@/lib/db'
import { storedAuthorsSchema, type Author } from '@/lib/schemas/author'

// Reader-facing queries. Only public answers (not drafts, not unpublished) ever leave this module.
export const publicWhere = { draft: false, unpublishedAt: null } satisfies Prisma.AnswerWhereInput

export interface AnswerListItem {
  slug: string
  title: string
  summary: string
  publishedAt: string
  readingMinutes: number
  category: { slug: string; name: string }
}

export interface TermDefinition {
  slug: string
  term: string
  short: string
}

export interface AnswerDetail extends AnswerListItem {
  id: number
  author: string
  authors: Author[]
  basedOn: string | null
  revisedAt: string | null
  reviewedBy: string | null
  reviewedAt: string | null
  wordCount: number
  views: number
  code: string
  tags: { slug: string; name: string }[]
  terms: TermDefinition[]
}

export const listSelect = {
  slug: true,
  title: true,
  summary: true,
  publishedAt: true,
  readingMinutes: true,
  category: { select: { slug: true, name: true } },
} satisfies Prisma.AnswerSelect

type ListRow = Prisma.AnswerGetPayload<{ select: typeof listSelect }>

export const toListItem = (row: ListRow): AnswerListItem => ({ ...row, publishedAt: row.publishedAt.toISOString() })

export const getAnswer = cache(async (slug: string): Promise<AnswerDetail | null> => {
  const client = await db()
  const row = await client.answer.findFirst({
    where: { slug, ...publicWhere },
    select: {
      ...listSelect,
      id: true,
      author: true,
      authors: true,
      basedOn: true,
      revisedAt: true,
      reviewedBy: true,
      reviewedAt: true,
      wordCount: true,
      views: true,
      code: true,
      tags: { select: { tag: { select: { slug: true, name: true } } }, orderBy: { tag: { name: 'asc' } } },
      terms: {
        where: { term: { unpublishedAt: null } },
        orderBy: { position: 'asc' },
        select: { term: { select: { slug: true, term: true, short: true } } },
      },
    },
  })
  if (!row) return null
  return {
    ...toListItem(row),
    id: row.id,
    author: row.author,
    authors: storedAuthorsSchema.parse(JSON.parse(row.authors)),
    basedOn: row.basedOn,
    revisedAt: row.revisedAt?.toISOString() ?? null,
    reviewedBy: row.reviewedBy,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    wordCount: row.wordCount,
    views: row.views,
    code: row.code,
    tags: row.tags.map((t) => t.tag),
    terms: row.terms.map((t) => t.term),
  }
})

export async function listAnswerSlugs(): Promise<string[]> {
  const client = await db()
  const rows = await client.answer.findMany({ where: publicWhere, select: { slug: true }, orderBy: { publishedAt: 'desc' } })
  return rows.map((row) => row.slug)
}

/**
 * How many answer pages `next build` renders ahead of any request: the rest render on their first request and are
 * cached from then on, so the build's time and size stay bounded however many answers there are.
 */
export const prerenderedAnswerCount = 200

/**
 * The answers readers are most likely to open, for `generateStaticParams`: the newest half of `limit`, then the most
 * viewed of the rest (views as counted when the build runs).
 */
export async function listPrerenderedAnswerSlugs(limit = prerenderedAnswerCount): Promise<string[]> {
  const client = await db()
  const newest = await client.answer.findMany({
    where: publicWhere,
    select: { slug: true },
    orderBy: [{ publishedAt: 'desc' }, { slug: 'asc' }],
    take: Math.ceil(limit / 2),
  })
  const newestSlugs = newest.map((row) => row.slug)
  const mostViewed = await client.answer.findMany({
    where: { ...publicWhere, slug: { notIn: newestSlugs } },
    select: { slug: true },
    orderBy: [{ views: 'desc' }, { publishedAt: 'desc' }, { slug: 'asc' }],
    take: limit - newestSlugs.length,
  })
  return [...newestSlugs, ...mostViewed.map((row) => row.slug)]
}

export async function listNewestAnswers(limit: number): Promise<AnswerListItem[]> {
  const client = await db()
  const rows = await client.answer.findMany({ where: publicWhere, select: listSelect, orderBy: [{ publishedAt: 'desc' }, { slug: 'asc' }], take: limit })
  return rows.map(toListItem)
}

export async function countAnswers(): Promise<number> {
  const client = await db()
  return client.answer.count({ where: publicWhere })
}

/**
 * "Keep reading": most shared tags first, then same category, then the most recent. Only the rows that can rank
 * are read (answers sharing a tag, then the newest of the category, then the newest overall), not the whole table.
 */
export async function listRelatedAnswers(answerId: number, limit = 3): Promise<AnswerListItem[]> {
  const client = await db()
  const current = await client.answer.findUnique({ where: { id: answerId }, select: { categoryId: true, tags: { select: { tagId: true } } } })
  if (!current) return []
  const others = { ...publicWhere, id: { not: answerId } } satisfies Prisma.AnswerWhereInput
  const newestFirst = [{ publishedAt: 'desc' }, { slug: 'asc' }] satisfies Prisma.AnswerOrderByWithRelationInput[]
  const tagIds = current.tags.map((t) => t.tagId)
  // Answers sharing two or more tags are few and are ranked here in full; those sharing one are ranked by the
  // database, because a popular tag can be on every answer (reading them all made a first render ~0.2 s at 10,000).
  const sharedSeveral =
    tagIds.length > 1
      ? await client.answerTag.groupBy({
          by: ['answerId'],
          where: { tagId: { in: tagIds }, answerId: { not: answerId }, answer: publicWhere },
          _count: { tagId: true },
          having: { tagId: { _count: { gte: 2 } } },
        })
      : []
  const sharedCount = new Map(sharedSeveral.map((row) => [row.answerId, row._count.tagId]))
  const picked: (ListRow & { id: number })[] = (
    await client.answer.findMany({ where: { ...others, id: { in: [...sharedCount.keys()] } }, select: { ...listSelect, id: true, categoryId: true } })
  )
    .sort(
      (a, b) =>
        (sharedCount.get(b.id) ?? 0) - (sharedCount.get(a.id) ?? 0) ||
        Number(b.categoryId === current.categoryId) - Number(a.categoryId === current.categoryId) ||
        b.publishedAt.getTime() - a.publishedAt.getTime() ||
        a.slug.localeCompare(b.slug),
    )
    .slice(0, limit)
  const fill = async (where: Prisma.AnswerWhereInput) => {
    if (picked.length >= limit) return
    const exclude = { ...others, id: { notIn: [answerId, ...picked.map((row) => row.id)] } }
    picked.push(...(await client.answer.findMany({ where: { ...exclude, ...where }, select: { ...listSelect, id: true }, orderBy: newestFirst, take: limit - picked.length })))
  }
  if (tagIds.length > 0) {
    const sharingOne = { tags: { some: { tagId: { in: tagIds } } } } satisfies Prisma.AnswerWhereInput
    await fill({ ...sharingOne, categoryId: current.categoryId })
    await fill(sharingOne)
  }
  await fill({ categoryId: current.categoryId })
  await fill({})
  return picked.map(toListItem)
}
