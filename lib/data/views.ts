import 'server-only'
import { db } from '@/lib/db'
import { publicWhere } from './answers'
import { hashVisitor } from './visitor-hash'

/** Who is looking: their network (see lib/http/client-address.ts) and user agent. Never stored as such. */
export interface Visitor {
  network: string
  userAgent: string
}

export interface ViewTotal {
  views: number
  /** False when this visitor was already counted for this answer today. */
  counted: boolean
}

class UnknownAnswer extends Error {}

/**
 * Views one network can add to one answer in a day, whatever user agents it sends: a household or office shares an
 * address (so more than one), and a script rotating its User-Agent header must not count each time.
 */
export const viewsPerNetworkPerDay = 3

let lastPrunedDay: string | undefined

/** `YYYY-MM-DD` in UTC: a visitor counts once per answer per UTC day. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10)
}

/**
 * Counts a view unless this visitor was counted for this answer today, and returns the total; null for an unknown
 * or non-public slug. The mark (a keyed hash of visitor, slug and day) and the increment commit together, and
 * the mark is written first, so concurrent requests from one visitor, in any process, count once.
 */
export async function recordView(slug: string, visitor: Visitor, now: Date): Promise<ViewTotal | null> {
  const day = utcDay(now)
  const hash = await hashVisitor(['view', visitor.network, visitor.userAgent, slug, day])
  const network = await hashVisitor(['view-network', visitor.network, slug, day])
  const client = await db()
  let result: ViewTotal | null
  try {
    result = await client.$transaction(async (tx) => {
      // The mark goes in only while the network has fewer than its share of marks for this answer today.
      const marked = await tx.$executeRaw`
        INSERT INTO "ViewMark" ("hash", "day", "network")
        SELECT ${hash}, ${day}, ${network}
        WHERE (SELECT COUNT(*) FROM "ViewMark" WHERE "network" = ${network}) < ${viewsPerNetworkPerDay}
        ON CONFLICT ("hash") DO NOTHING`
      if (marked === 0) {
        const row = await tx.answer.findFirst({ where: { slug, ...publicWhere }, select: { views: true } })
        return row ? { views: row.views, counted: false } : null
      }
      const [row] = await tx.answer.updateManyAndReturn({ where: { slug, ...publicWhere }, data: { views: { increment: 1 } }, select: { views: true } })
      // Throwing rolls the mark back: no mark is kept for a slug that is not a public answer.
      if (!row) throw new UnknownAnswer()
      return { views: row.views, counted: true }
    })
  } catch (error) {
    if (!(error instanceof UnknownAnswer)) throw error
    result = null
  }
  await pruneOldMarks(day)
  return result
}

export async function getViews(slug: string): Promise<number | null> {
  const client = await db()
  const row = await client.answer.findFirst({ where: { slug, ...publicWhere }, select: { views: true } })
  return row?.views ?? null
}

// Marks only matter on their own day; once per day and process, drop those older than yesterday (yesterday stays,
// in case another instance's clock is a little behind).
// A failed prune is logged and retried on the next request; the view it follows was counted and stays answered.
async function pruneOldMarks(today: string): Promise<void> {
  if (lastPrunedDay === today) return
  lastPrunedDay = today
  const yesterday = utcDay(new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000))
  try {
    const client = await db()
    await client.viewMark.deleteMany({ where: { day: { lt: yesterday } } })
  } catch (error) {
    lastPrunedDay = undefined
    console.error(`Pruning old view marks failed (retried on the next view): ${error instanceof Error ? error.message : String(error)}`)
  }
}
