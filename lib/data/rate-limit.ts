import 'server-only'
import { db } from '@/lib/db'
import { hashVisitor } from './visitor-hash'

/** A fixed-window limit: at most `limit` requests per `windowSeconds` for each subject, per bucket. */
export interface RateLimitRule {
  /** Lower-case letters, digits and hyphens, e.g. `view-post`, `question-form`. */
  bucket: string
  limit: number
  windowSeconds: number
}

export type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number }

const bucketPattern = /^[a-z0-9-]+$/
const lastPruned = new Map<string, number>()

/**
 * Counts one request by `subject` (e.g. a client address; stored only as a keyed hash) and says whether it is
 * within the rule. One upsert statement, so concurrent requests and several processes count correctly.
 */
export async function consumeRateLimit(rule: RateLimitRule, subject: string, now: Date): Promise<RateLimitDecision> {
  if (!bucketPattern.test(rule.bucket)) throw new Error(`rate-limit bucket "${rule.bucket}" must match ${bucketPattern}`)
  const windowMs = rule.windowSeconds * 1000
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs)
  const key = `${rule.bucket}:${await hashVisitor(['rate-limit', rule.bucket, subject])}`
  const client = await db()
  // A row left from an earlier window starts over at 1 (both sides of SET read the old row).
  const rows = await client.$queryRaw<{ count: number | bigint }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" = excluded."windowStart" THEN "RateLimit"."count" + 1 ELSE 1 END,
      "windowStart" = excluded."windowStart"
    RETURNING "count"`
  await pruneEndedWindows(rule.bucket, windowStart)
  const count = Number(rows[0]?.count ?? 1)
  if (count <= rule.limit) return { allowed: true, remaining: rule.limit - count }
  const retryAfterMs = windowStart.getTime() + windowMs - now.getTime()
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) }
}

// Once per window, bucket and process: delete this bucket's rows from windows that have ended.
// A failed prune is logged and retried on the next request; the request it follows was counted and is answered.
async function pruneEndedWindows(bucket: string, windowStart: Date): Promise<void> {
  if (lastPruned.get(bucket) === windowStart.getTime()) return
  lastPruned.set(bucket, windowStart.getTime())
  try {
    const client = await db()
    // Keys of a bucket sort between "bucket:" and "bucket;" (';' follows ':'), so the primary key finds them.
    await client.rateLimit.deleteMany({ where: { key: { gte: `${bucket}:`, lt: `${bucket};` }, windowStart: { lt: windowStart } } })
  } catch (error) {
    lastPruned.delete(bucket)
    console.error(`Pruning ended rate-limit windows failed (retried on the next request): ${error instanceof Error ? error.message : String(error)}`)
  }
}
