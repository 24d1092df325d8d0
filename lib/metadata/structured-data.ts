import type { AnswerDetail } from '@/lib/data/answers'
import type { GlossaryListItem } from '@/lib/data/glossary'
import { absoluteUrl, paths } from '@/lib/metadata/absolute-url'
import { parseBasedOn } from '@/lib/metadata/based-on'
import { calendarDay } from '@/lib/metadata/dates'
import type { JsonLdNode } from '@/lib/metadata/json-ld'
import { authorName, type Author } from '@/lib/schemas/author'
import { site } from '@/lib/site'

export type ArticleInput = Pick<
  AnswerDetail,
  'slug' | 'title' | 'summary' | 'publishedAt' | 'revisedAt' | 'reviewedBy' | 'reviewedAt' | 'authors' | 'basedOn' | 'category' | 'tags' | 'terms'
>

const publisher = (): JsonLdNode => ({ '@type': 'Organization', '@id': absoluteUrl('/#publisher'), name: site.publisher, url: absoluteUrl(paths.home) })
const glossarySetName = `${site.name} glossary`

function authorNode(author: Author): JsonLdNode {
  if (author.kind === 'group') return author.name === site.publisher ? publisher() : { '@type': 'Organization', name: author.name }
  return { '@type': 'Person', name: authorName(author), familyName: author.family, givenName: author.given }
}

/** An answer as schema.org Article; the glossary terms it links are what it is `about`. */
export function articleJsonLd(answer: ArticleInput): JsonLdNode {
  const url = absoluteUrl(paths.answer(answer.slug))
  const source = answer.basedOn ? parseBasedOn(answer.basedOn) : null
  return {
    '@type': 'Article',
    headline: answer.title,
    description: answer.summary,
    // The page's address is mainEntityOfPage's @id (a `url` beside it would repeat it, in the HTML and the flight).
    // The editorial review is a fact about the page (schema.org WebPage: lastReviewed, reviewedBy).
    mainEntityOfPage: {
      '@type': 'WebPage',
      '@id': url,
      lastReviewed: answer.reviewedAt ? calendarDay(answer.reviewedAt) : undefined,
      reviewedBy: answer.reviewedBy ? (answer.reviewedBy === site.publisher ? publisher() : { '@type': 'Person', name: answer.reviewedBy }) : undefined,
    },
    image: absoluteUrl(paths.answerImage(answer.slug)),
    datePublished: calendarDay(answer.publishedAt),
    dateModified: calendarDay(answer.revisedAt ?? answer.publishedAt),
    author: answer.authors.map(authorNode),
    publisher: publisher(),
    inLanguage: site.locale,
    articleSection: answer.category.name,
    keywords: answer.tags.map((tag) => tag.name).join(', '),
    isBasedOn: source
      ? {
          '@type': 'Book',
          name: source.title,
          author: source.authors.length > 0 ? source.authors.map((author) => ({ '@type': author.kind === 'person' ? 'Person' : 'Organization', name: author.name })) : undefined,
        }
      : undefined,
    // Name and address only: each term's page carries its definition, and this block travels twice (HTML and RSC).
    about: answer.terms.length > 0 ? answer.terms.map((term) => ({ '@type': 'DefinedTerm', name: term.term, url: absoluteUrl(paths.term(term.slug)) })) : undefined,
  }
}

export function websiteJsonLd(): JsonLdNode {
  return {
    '@type': 'WebSite',
    '@id': absoluteUrl('/#website'),
    name: site.name,
    url: absoluteUrl(paths.home),
    description: site.description,
    inLanguage: site.locale,
    publisher: publisher(),
  }
}

const glossarySet = (): JsonLdNode => ({ '@type': 'DefinedTermSet', '@id': absoluteUrl(paths.glossary), name: glossarySetName, url: absoluteUrl(paths.glossary) })

export function definedTermSetJsonLd(terms: Pick<GlossaryListItem, 'slug' | 'term'>[]): JsonLdNode {
  return {
    ...glossarySet(),
    description: `Definitions of the options, volatility and market terms used in ${site.name} answers.`,
    hasDefinedTerm: terms.map((term) => ({ '@type': 'DefinedTerm', name: term.term, url: absoluteUrl(paths.term(term.slug)) })),
  }
}

export function definedTermJsonLd(term: Pick<GlossaryListItem, 'slug' | 'term' | 'short' | 'aliases'>): JsonLdNode {
  const url = absoluteUrl(paths.term(term.slug))
  return {
    '@type': 'DefinedTerm',
    '@id': url,
    name: term.term,
    description: term.short,
    url,
    alternateName: term.aliases.length > 0 ? term.aliases : undefined,
    inDefinedTermSet: glossarySet(),
  }
}

/** A trail of site paths and their labels, home first, as shown by components/article/Breadcrumb. */
export function breadcrumbJsonLd(trail: { href: string; label: string }[]): JsonLdNode {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, name: crumb.label, item: absoluteUrl(crumb.href) })),
  }
}
