import 'server-only'
import { listSelect, publicWhere as publicAnswer, toListItem, type AnswerListItem } from '@/lib/data/answers'
import { db } from '@/lib/db'

export interface TaxonomyItem {
  slug: string
  name: string
  count: number
}

export interface TaxonomyPage {
  slug: string
  name: string
  answers: AnswerListItem[]
}

export async function listCategories(): Promise<TaxonomyItem[]> {
  const client = await db()
  const rows = await client.category.findMany({
    select: { slug: true, name: true, _count: { select: { answers: { where: publicAnswer } } } },
    orderBy: { name: 'asc' },
  })
  return rows.filter((row) => row._count.answers > 0).map((row) => ({ slug: row.slug, name: row.name, count: row._count.answers }))
}

export async function listTags(): Promise<TaxonomyItem[]> {
  const client = await db()
  const rows = await client.tag.findMany({
    select: { slug: true, name: true, _count: { select: { answers: { where: { answer: publicAnswer } } } } },
    orderBy: { name: 'asc' },
  })
  return rows.filter((row) => row._count.answers > 0).map((row) => ({ slug: row.slug, name: row.name, count: row._count.answers }))
}

export async function getCategoryPage(slug: string): Promise<TaxonomyPage | null> {
  const client = await db()
  const category = await client.category.findUnique({
    where: { slug },
    select: {
      slug: true,
      name: true,
      answers: { where: publicAnswer, select: listSelect, orderBy: [{ publishedAt: 'desc' }, { slug: 'asc' }] },
    },
  })
  if (!category || category.answers.length === 0) return null
  return { slug: category.slug, name: category.name, answers: category.answers.map(toListItem) }
}

export async function getTagPage(slug: string): Promise<TaxonomyPage | null> {
  const client = await db()
  const tag = await client.tag.findUnique({
    where: { slug },
    select: {
      slug: true,
      name: true,
      answers: {
        where: { answer: publicAnswer },
        select: { answer: { select: listSelect } },
        orderBy: [{ answer: { publishedAt: 'desc' } }, { answer: { slug: 'asc' } }],
      },
    },
  })
  if (!tag || tag.answers.length === 0) return null
  return {
    slug: tag.slug,
    name: tag.name,
    answers: tag.answers.map(({ answer }) => toListItem(answer)),
  }
}
