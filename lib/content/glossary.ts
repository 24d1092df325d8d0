import { createHash } from 'node:crypto'
import type { Problem } from '@/lib/content/problem'
import type { Validated } from '@/lib/content/validate'
import { normalizePattern, TermMatcher } from '@/lib/mdx/term-matcher'
import type { GlossaryFrontMatter } from '@/lib/schemas/glossary-front-matter'

export interface GlossaryTerms {
  slug: string
  term: string
  aliases: readonly string[]
}

export interface GlossaryIndex {
  /** What the index was built from (a compile worker rebuilds the same index from it). */
  terms: readonly GlossaryTerms[]
  matcher: TermMatcher
  knownSlugs: ReadonlySet<string>
  /** Changes whenever any slug, term or alias changes: answers linked with an older version are re-checked. */
  version: string
}

export function termPatterns(entry: { term: string; aliases: readonly string[] }): string[] {
  const seen = new Set<string>()
  return [entry.term, ...entry.aliases].map(normalizePattern).filter((pattern) => {
    const key = pattern.toLowerCase()
    if (!pattern || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Cross-file rules: unique slugs, each term/alias claimed once, related slugs exist. */
export function checkGlossary(entries: readonly Validated<GlossaryFrontMatter>[]): Problem[] {
  const problems: Problem[] = []
  const bySlug = new Map<string, Validated<GlossaryFrontMatter>>()
  const claims = new Map<string, { entry: Validated<GlossaryFrontMatter>; pattern: string }>()
  for (const entry of entries) {
    const owner = bySlug.get(entry.slug)
    if (owner) {
      problems.push({
        file: entry.source.file,
        ...entry.split.locate([entry.data.slug ? 'slug' : 'term']),
        message: `duplicate glossary slug "${entry.slug}": also used by ${owner.source.file}`,
      })
      continue
    }
    bySlug.set(entry.slug, entry)
    const patterns = [entry.data.term, ...entry.data.aliases]
    patterns.forEach((raw, index) => {
      const pattern = normalizePattern(raw)
      const key = pattern.toLowerCase()
      const claim = claims.get(key)
      if (claim && claim.entry !== entry) {
        problems.push({
          file: entry.source.file,
          ...entry.split.locate(index === 0 ? ['term'] : ['aliases', index - 1]),
          message: `glossary term or alias "${pattern}" is also claimed by ${claim.entry.source.file} ("${claim.entry.data.term}")`,
        })
      } else if (!claim) {
        claims.set(key, { entry, pattern })
      }
    })
  }
  for (const entry of entries) {
    entry.data.related.forEach((slug, index) => {
      if (!bySlug.has(slug)) {
        problems.push({ file: entry.source.file, ...entry.split.locate(['related', index]), message: `unknown related glossary slug "${slug}"` })
      } else if (slug === entry.slug) {
        problems.push({ file: entry.source.file, ...entry.split.locate(['related', index]), message: `an entry cannot be related to itself ("${slug}")` })
      }
    })
  }
  return problems
}

export function buildGlossaryIndex(entries: readonly GlossaryTerms[]): GlossaryIndex {
  const sources = entries.map((entry) => ({ slug: entry.slug, patterns: termPatterns(entry) }))
  const lines = sources.flatMap((source) => source.patterns.map((pattern) => `${source.slug}\t${pattern}`)).sort()
  return {
    terms: entries.map(({ slug, term, aliases }) => ({ slug, term, aliases: [...aliases] })),
    matcher: new TermMatcher(sources),
    knownSlugs: new Set(entries.map((entry) => entry.slug)),
    version: createHash('sha256').update(lines.join('\n')).digest('hex'),
  }
}

/**
 * Which glossary patterns (and <Term> slugs) occur anywhere in a raw file. If two glossaries give the same key for
 * a file, its links are the same under both, so a glossary edit only re-links the answers whose key it changes.
 */
export function termKeyOf(body: string, index: GlossaryIndex): string {
  const found = new Set(index.matcher.findAll(body).map((match) => `${match.slug}\t${match.pattern}`))
  for (const [, slug = ''] of body.matchAll(/<Term\b[^>]*?\bslug=["']([^"']*)["']/g)) {
    found.add(`<Term>\t${slug}\t${index.knownSlugs.has(slug) ? 'known' : 'unknown'}`)
  }
  return [...found].sort().join('\n')
}
