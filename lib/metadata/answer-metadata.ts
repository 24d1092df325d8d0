import type { Metadata } from 'next'
import type { AnswerDetail } from '@/lib/data/answers'
import { absoluteUrl, paths } from '@/lib/metadata/absolute-url'
import { citationMetaTags } from '@/lib/metadata/citation-tags'
import { pageMetadata } from '@/lib/metadata/page-metadata'
import { authorName } from '@/lib/schemas/author'

export type AnswerMetadataInput = Pick<
  AnswerDetail,
  'slug' | 'title' | 'summary' | 'publishedAt' | 'revisedAt' | 'authors' | 'category' | 'tags'
>

/** An answer page's head: canonical, Open Graph article with its own card, Twitter card, citation tags. */
export function answerMetadata(answer: AnswerMetadataInput): Metadata {
  return {
    ...pageMetadata({
      title: answer.title,
      description: answer.summary,
      path: paths.answer(answer.slug),
      image: { url: absoluteUrl(paths.answerImage(answer.slug)), alt: `${answer.title} (${answer.category.name})` },
      article: {
        publishedTime: answer.publishedAt,
        modifiedTime: answer.revisedAt ?? undefined,
        authors: answer.authors.map(authorName),
        section: answer.category.name,
        tags: answer.tags.map((tag) => tag.name),
      },
      other: citationMetaTags(answer),
    }),
    authors: answer.authors.map((author) => ({ name: authorName(author) })),
  }
}
