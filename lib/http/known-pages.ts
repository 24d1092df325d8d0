import { isDatabaseConnectionError } from '@/lib/db-errors'
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

// An outage is logged once when it starts (lib/db-availability.ts), not with every reload it fails.
function reportReloadFailure(error: unknown): void {
  if (!isDatabaseConnectionError(error)) console.error(`Page index reload failed: ${error instanceof Error ? error.message : String(error)}`)
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
    // A slug the last index knew has a page: no need to wait for a reload (~0.1-0.2 s at 10,000 answers) before
    // rendering it, which decides for itself if the answer has gone since. Only a miss waits for a fresh index.
    if (this.index?.get(route)?.has(slug)) {
      if (this.isStale()) this.current().catch((error: unknown) => reportReloadFailure(error))
      return false
    }
    return !(await this.current()).get(route)?.has(slug)
  }

  private isStale(): boolean {
    return Date.now() - this.loadedAt >= this.maxAgeMs
  }

  private async current(): Promise<PageIndex> {
    if (this.index && !this.isStale()) return this.index
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
