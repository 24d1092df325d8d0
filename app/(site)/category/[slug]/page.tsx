import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { TaxonomyListing } from '@/components/answers/TaxonomyListing'
import { getCategoryPage, listCategories } from '@/lib/data/taxonomy'
import { paths } from '@/lib/metadata/absolute-url'
import { pageMetadata } from '@/lib/metadata/page-metadata'
import { parseSlugParam } from '@/lib/schemas/route-params'

export const revalidate = 300

export async function generateStaticParams() {
  return (await listCategories()).map((category) => ({ slug: category.slug }))
}

type Props = { params: Promise<{ slug: string }> }

async function load(params: Props['params']) {
  const slug = parseSlugParam((await params).slug)
  return slug ? getCategoryPage(slug) : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await load(params)
  return page
    ? pageMetadata({ title: page.name, description: `Answers about ${page.name}.`, path: paths.category(page.slug) })
    : { title: 'Category not found' }
}

export default async function CategoryPage({ params }: Props) {
  const page = await load(params)
  if (!page) notFound()
  return <TaxonomyListing page={page} kind="Category" crumbs={[]} path={paths.category(page.slug)} />
}
