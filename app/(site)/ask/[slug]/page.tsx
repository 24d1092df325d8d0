import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Breadcrumb } from '@/components/article/Breadcrumb'
import { Byline } from '@/components/article/Byline'
import { CiteThisAnswer } from '@/components/article/CiteThisAnswer'
import { Disclaimer } from '@/components/article/Disclaimer'
import { MdxContent } from '@/components/article/MdxContent'
import { RelatedAnswers } from '@/components/article/RelatedAnswers'
import { TagList } from '@/components/article/TagList'
import { TermsReferenced } from '@/components/glossary/TermsReferenced'
import { JsonLd } from '@/components/metadata/JsonLd'
import { getAnswer, listPrerenderedAnswerSlugs, listRelatedAnswers } from '@/lib/data/answers'
import { answerMetadata } from '@/lib/metadata/answer-metadata'
import { articleJsonLd } from '@/lib/metadata/structured-data'
import { parseSlugParam } from '@/lib/schemas/route-params'

// Refreshed in the background every 5 minutes; view counts are live through ViewCount.
export const revalidate = 300

// Only the answers readers open most are rendered at build (a whole site's worth would grow the build without
// bound); any other answer renders on its first request and is cached from then on (dynamicParams stays true).
export async function generateStaticParams() {
  return (await listPrerenderedAnswerSlugs()).map((slug) => ({ slug }))
}

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = parseSlugParam((await params).slug)
  const answer = slug ? await getAnswer(slug) : null
  return answer ? answerMetadata(answer) : { title: 'Answer not found' }
}

export default async function AnswerPage({ params }: Props) {
  const slug = parseSlugParam((await params).slug)
  const answer = slug ? await getAnswer(slug) : null
  if (!answer) notFound()
  const related = await listRelatedAnswers(answer.id, 3)
  return (
    <article className="mx-auto max-w-3xl">
      <JsonLd data={articleJsonLd(answer)} />
      <Breadcrumb
        items={[{ href: `/category/${answer.category.slug}`, label: answer.category.name }]}
        current={{ href: `/ask/${answer.slug}`, label: answer.title }}
      />
      <header className="answer-header">
        <h1 className="answer-title">
          {answer.title}
        </h1>
        <Byline answer={answer} />
        <TagList tags={answer.tags} />
      </header>
      <div className="prose prose-slate mt-8 max-w-none prose-headings:scroll-mt-20 prose-table:text-sm sm:prose-lg dark:prose-invert">
        <MdxContent code={answer.code} terms={answer.terms} />
      </div>
      <Disclaimer />
      <CiteThisAnswer answer={answer} />
      <TermsReferenced terms={answer.terms} />
      <RelatedAnswers answers={related} />
    </article>
  )
}
