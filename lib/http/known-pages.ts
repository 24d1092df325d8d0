import { listAnswerSlugs } from '@/lib/data/answers'
import { listGlossaryTerms } from '@/lib/data/glossary'
import { listCategories, listTags } from '@/lib/data/taxonomy'

/**
 * The slugs each dynamic content route has a page for: every stored one, not only those its `generateStaticParams`
 * pre-renders (an answer left out of the build renders on its first request).
 */
export type PageIndex = Map<string, Set<string>>

const contentRoutes = new Set(['ask', 'category', 'tags', 'glossary'])

export async function loadPageIndex(): Promise<PageIndex> {
  const [answers, categories, tags, terms] = await Promise.all([listAnswerSlugs(), listCategories(), listTags(), listGlossaryTerms()])
  return new Map([
    ['ask', new Set(answers)],
    ['category', new Set(categories.map((category) => category.slug))],
    ['tags', new Set(tags.map((tag) => tag.slug))],
    ['glossary', new Set(terms.map((term) => term.slug))],
  ])
}

const contentPath = /^\/([^/]+)\/([^/]+)$/

/**
 * Answers "is this URL a content page that does not exist?" from an index of the stored slugs, reloaded when it is
 * older than `maxAgeMs` (one load at a time), so a page ingested while the server runs is known within that time.
 */
export class KnownPages {
  private index: PageIndex | null = null
  private loadedAt = 0
  private loading: Promise<PageIndex> | null = null

  constructor(
    private readonly maxAgeMs: number,
    private readonly load: () => Promise<PageIndex> = loadPageIndex,
  ) {}

  /** True only for a path of a content route whose slug is not stored; false for any other path. */
  async isMissingContentPage(pathname: string): Promise<boolean> {
    const [, route = '', slug = ''] = contentPath.exec(pathname) ?? []
    if (!contentRoutes.has(route)) return false
    return !(await this.current()).get(route)?.has(slug)
  }

  private async current(): Promise<PageIndex> {
    if (this.index && Date.now() - this.loadedAt < this.maxAgeMs) return this.index
    this.loading ??= this.load()
      .then((index) => {
        this.index = index
        this.loadedAt = Date.now()
        return index
      })
      .finally(() => {
        this.loading = null
      })
    return this.loading
  }
}
