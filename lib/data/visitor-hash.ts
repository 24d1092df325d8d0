import 'server-only'
import { createHmac } from 'node:crypto'
import { env } from '@/lib/env'
import { getAppSecret } from './app-secret'

/**
 * A keyed hash of facts about a visitor (address, user agent, …), so the database can recognise a visitor
 * without ever holding the address. The key is VISITOR_HASH_SECRET if set, else the database's own secret.
 */
export async function hashVisitor(parts: readonly string[]): Promise<string> {
  const secret = env.VISITOR_HASH_SECRET ?? (await getAppSecret('visitor-hash'))
  // JSON keeps the parts apart: ["a b", "c"] and ["a", "b c"] hash differently.
  return createHmac('sha256', secret).update(JSON.stringify(parts)).digest('base64url')
}
