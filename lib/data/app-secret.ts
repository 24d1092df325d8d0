import 'server-only'
import { randomBytes } from 'node:crypto'
import { db, type Db } from '@/lib/db'

const loaded = new Map<string, Promise<string>>()

/** A secret the app made for itself, the same for every process on this database; cached per process. */
export function getAppSecret(name: string): Promise<string> {
  const known = loaded.get(name)
  if (known) return known
  const secret = db().then((client) => readOrCreateAppSecret(client, name))
  loaded.set(name, secret)
  // A failed read (database briefly locked) must not stick: the next caller tries again.
  secret.catch(() => loaded.delete(name))
  return secret
}

/**
 * Inserts a fresh random value unless the row exists, then reads whatever is stored: when two processes start at
 * once, the first insert wins and both read the winner.
 */
export async function readOrCreateAppSecret(client: Db, name: string): Promise<string> {
  const candidate = randomBytes(32).toString('base64url')
  await client.$executeRaw`INSERT INTO "AppSecret" ("name", "value") VALUES (${name}, ${candidate}) ON CONFLICT ("name") DO NOTHING`
  const row = await client.appSecret.findUnique({ where: { name }, select: { value: true } })
  if (!row) throw new Error(`AppSecret "${name}" is missing right after it was inserted`)
  return row.value
}
