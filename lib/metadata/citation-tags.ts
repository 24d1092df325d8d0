import type { AnswerDetail } from '@/lib/data/answers'
import { absoluteUrl, paths } from '@/lib/metadata/absolute-url'
import { calendarDay, slashedDay } from '@/lib/metadata/dates'
import type { Author } from '@/lib/schemas/author'
import { site } from '@/lib/site'

export type CitationInput = Pick<AnswerDetail, 'slug' | 'title' | 'publishedAt' | 'revisedAt' | 'authors'>

/** "Clark, Russell" for a person (the order Zotero splits on), the name itself for a group. */
export const citationAuthorName = (author: Author) =>
  author.kind === 'group' ? author.name : author.given ? `${author.family}, ${author.given}` : author.family

/**
 * Highwire Press tags (what Zotero's and Mendeley's page translators and Google Scholar read) and their Dublin Core
 * counterparts where cheap, for Next's `metadata.other`: one `<meta name content>` per value, arrays repeat the
 * name. Every tag here travels twice (HTML head and RSC payload), so Dublin Core leaves out what repeats a long value
 * another tag already carries: the title (citation_title, og:title), the URL (citation_public_url, canonical), the
 * publisher, the description and subjects.
 * The publication date is that of the version shown, as the "Cite this answer" text dates it (APA: the last
 * update); the online date is when the answer first went up.
 */
export function citationMetaTags(answer: CitationInput): Record<string, string | string[]> {
  const url = absoluteUrl(paths.answer(answer.slug))
  const authors = answer.authors.map(citationAuthorName)
  const versionDate = answer.revisedAt ?? answer.publishedAt
  return {
    citation_title: answer.title,
    citation_author: authors,
    citation_publication_date: slashedDay(versionDate),
    citation_online_date: slashedDay(answer.publishedAt),
    citation_public_url: url,
    citation_publisher: site.publisher,
    citation_language: site.locale.split('-')[0] ?? site.locale,
    'DC.creator': authors,
    'DC.date': calendarDay(versionDate),
    'DC.language': site.locale,
    'DC.type': 'Text',
  }
}
