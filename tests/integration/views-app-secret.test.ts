import { createHmac } from 'node:crypto'
import { beforeAll, describe, expect, it, vi } from 'vitest'

const configuredSecret = vi.hoisted(() => {
  const secret = 'a configured secret that is long enough to use'
  process.env.VISITOR_HASH_SECRET = secret
  return secret
})

import { POST } from '@/app/api/views/route'
import { readOrCreateAppSecret } from '@/lib/data/app-secret'
import { utcDay } from '@/lib/data/views'
import { createDb } from '@/lib/db'
import { env } from '@/lib/env'
import { createTempDb } from '@/tests/helpers/temp-db'
import { publicSlug, seedViewAnswers, slugBody, viewPost } from '@/tests/helpers/view-requests'

beforeAll(seedViewAnswers)

describe('the visitor-hash secret', () => {
  it('is generated once per database: concurrent first uses and later clients all read the same value', async () => {
    const temp = await createTempDb()
    const second = createDb(temp.url)
    try {
      const [a, b] = await Promise.all([readOrCreateAppSecret(temp.db, 'visitor-hash'), readOrCreateAppSecret(second, 'visitor-hash')])
      expect(a).toBe(b)
      expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(await readOrCreateAppSecret(second, 'visitor-hash')).toBe(a)
      expect(await readOrCreateAppSecret(temp.db, 'another-secret')).not.toBe(a)
      expect(await temp.db.appSecret.count()).toBe(2)
    } finally {
      await second.$disconnect()
      await temp.cleanup()
    }
  })

  it('comes from VISITOR_HASH_SECRET when set, and then none is stored', async () => {
    const response = await POST(viewPost(slugBody(publicSlug), { address: '198.51.100.30', userAgent: 'Secret Test Agent' }))
    expect(response.status).toBe(200)
    const expected = createHmac('sha256', configuredSecret)
      .update(JSON.stringify(['view', '198.51.100.30', 'Secret Test Agent', publicSlug, utcDay(new Date())]))
      .digest('base64url')
    const db = createDb(env.DATABASE_URL)
    const marks = await db.viewMark.findMany({ where: { hash: expected } })
    const secrets = await db.appSecret.count()
    await db.$disconnect()
    expect(marks).toHaveLength(1)
    expect(secrets).toBe(0)
  })
})
