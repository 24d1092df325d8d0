import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { TaxonomyListing } from '@/components/answers/TaxonomyListing'
import { getTagPage, listTags } from '@/lib/data/taxonomy'
import { paths } from '@/lib/metadata/absolute-url'
import { pageMetadata } from '@/lib/metadata/page-metadata'
import { parseSlugParam } from '@/lib/schemas/route-params'

export const revalidate = 300

export async function generateStaticParams() {
  return (await listTags()).map((tag) => ({ slug: tag.slug }))
}

type Props = { params: Promise<{ slug: string }> }

async function load(params: Props['params']) {
  const slug = parseSlugParam((await params).slug)
  return slug ? getTagPage(slug) : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await load(params)
  return page
    ? pageMetadata({ title: `#${page.name}`, description: `Answers tagged ${page.name}.`, path: paths.tag(page.slug) })
    : { title: 'Topic not found' }
}

export default async function TagPage({ params }: Props) {
  const page = await load(params)
  if (!page) notFound()
  return <TaxonomyListing page={page} kind="Topic" crumbs={[{ href: paths.tags, label: 'Topics' }]} path={paths.tag(page.slug)} />
}
