import { rawRequest } from './raw-http'

export interface SitePages {
  answer: string
  otherAnswer: string
  glossaryTerm: string
  category: string
  tag: string
}

async function linksOf(url: string, section: string): Promise<string[]> {
  const html = (await rawRequest(url)).body.toString()
  const links = [...html.matchAll(new RegExp(`href="(/${section}/[a-z0-9-]+)"`, 'g'))].map((match) => match[1] ?? '')
  return [...new Set(links)]
}

/** Paths of real pages of the ingested content, found by following the site's own links. */
export async function discoverPages(origin: string): Promise<SitePages> {
  const [answers, categories, terms, tags] = await Promise.all([
    linksOf(`${origin}/`, 'ask'),
    linksOf(`${origin}/`, 'category'),
    linksOf(`${origin}/glossary`, 'glossary'),
    linksOf(`${origin}/tags`, 'tags'),
  ])
  const [answer, otherAnswer] = answers
  const [glossaryTerm] = terms
  const [category] = categories
  const [tag] = tags
  if (!answer || !otherAnswer || !glossaryTerm || !category || !tag) {
    throw new Error(`the site links to too few pages (answers ${answers.length}, terms ${terms.length}, categories ${categories.length}, tags ${tags.length}): is the content ingested?`)
  }
  return { answer, otherAnswer, glossaryTerm, category, tag }
}
