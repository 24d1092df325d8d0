import 'server-only'
import type { GlossaryWrite } from '@/lib/data/content-store'
import type { Tx } from '@/lib/data/sql-rows'

/** Upserts changed entries, unpublishes removed ones; returns slug → id of every active term. */
export async function writeGlossaryRows(tx: Tx, upserts: readonly GlossaryWrite[], removals: readonly string[], now: Date): Promise<Map<string, number>> {
  for (const entry of upserts) {
    const data = {
      sourcePath: entry.sourcePath,
      term: entry.term,
      aliases: JSON.stringify(entry.aliases),
      short: entry.short,
      related: JSON.stringify(entry.related),
      category: entry.category,
      code: entry.code,
      contentHash: entry.contentHash,
      unpublishedAt: null,
    }
    await tx.glossaryTerm.upsert({ where: { slug: entry.slug }, create: { slug: entry.slug, ...data }, update: data })
  }
  if (removals.length > 0) {
    await tx.glossaryTerm.updateMany({ where: { slug: { in: [...removals] } }, data: { unpublishedAt: now } })
  }
  const active = await tx.glossaryTerm.findMany({ where: { unpublishedAt: null }, select: { id: true, slug: true } })
  return new Map(active.map((term) => [term.slug, term.id]))
}
