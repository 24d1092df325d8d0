import { afterAll, beforeAll, expect, test } from 'vitest'
import { assertPortFree } from '@/scripts/scale/child-processes'
import { rawRequest } from '@/tests/helpers/raw-http'
import { discoverPages } from '@/tests/helpers/site-pages'
import { startTestScaleStack, waitForAccessLog, type TestScaleStack } from '@/tests/helpers/test-scale-stack'

// Bounded load: 4 readers, 75 requests each with a short pause between (300 in ~5 s on this machine); instance 0
// is killed with SIGKILL 1.5 s in, at a moment when requests are under way. Without the micro-cache, every request reaches an instance.
const readers = 4
const requestsPerReader = 75
const pauseMs = 50
const killAfterMs = 1_500

interface Outcome {
  startedAt: number
  endedAt: number
  /** The HTTP status, or 0 for a connection error or a broken response. */
  status: number
}

let scale: TestScaleStack

beforeAll(async () => {
  scale = await startTestScaleStack({ microCache: false })
})

afterAll(async () => {
  await scale?.close()
})

test('kill -9 of one instance under load: no 5xx beyond the requests in flight, and the other keeps serving', async () => {
  const pages = await discoverPages(scale.stack.instanceUrls[1] ?? '') // directly: nginx's log then holds the load alone
  const paths = [pages.answer, pages.otherAnswer, pages.glossaryTerm, pages.category, pages.tag, '/']
  const outcomes: Outcome[] = []
  let inFlight = 0
  let killedAt = 0
  let inFlightAtKill = 0

  async function reader(offset: number): Promise<void> {
    for (let i = 0; i < requestsPerReader; i++) {
      const startedAt = performance.now()
      inFlight++
      let status = 0
      try {
        status = (await rawRequest(`${scale.stack.url}${paths[(offset + i) % paths.length]}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } })).status
      } catch {
        status = 0
      }
      inFlight--
      outcomes.push({ startedAt, endedAt: performance.now(), status })
      await new Promise((resolve) => setTimeout(resolve, pauseMs))
    }
  }

  const started = performance.now()
  const kill = (async () => {
    await new Promise((resolve) => setTimeout(resolve, killAfterMs))
    // Kill while requests are under way (between two of a reader's requests nothing may be), within 1 s.
    const patience = performance.now() + 1_000
    while (inFlight < 2 && performance.now() < patience) await new Promise((resolve) => setImmediate(resolve))
    inFlightAtKill = inFlight
    killedAt = performance.now()
    await scale.stack.killInstance(0, 'SIGKILL')
  })()
  await Promise.all([...Array.from({ length: readers }, (_, index) => reader(index)), kill])
  const seconds = (performance.now() - started) / 1000

  const failed = outcomes.filter((outcome) => outcome.status === 0 || outcome.status >= 500)
  const afterKill = outcomes.filter((outcome) => outcome.startedAt > killedAt)
  console.log(`${outcomes.length} requests in ${seconds.toFixed(1)} s; ${failed.length} failed (${failed.map((outcome) => outcome.status || "connection error").join(", ") || "none"}); ${inFlightAtKill} in flight at the kill; ${afterKill.length} started after it`)

  expect(outcomes).toHaveLength(readers * requestsPerReader)
  expect(failed.length).toBeLessThanOrEqual(inFlightAtKill)
  // A failure can only be a request that was under way when the instance died.
  for (const outcome of failed) expect(outcome.startedAt).toBeLessThanOrEqual(killedAt)
  expect(afterKill.length).toBeGreaterThan(100)
  expect(afterKill.every((outcome) => outcome.status === 200)).toBe(true)

  // Both instances served before the kill, the survivor alone after it (nginx retried whatever the dead one refused).
  const [dead, alive] = scale.instancePorts.map((port) => `127.0.0.1:${port}`)
  const lines = await waitForAccessLog(scale.layout.accessLog, (all) => all.filter((line) => !line.request.includes('/.well-known/')).length >= outcomes.length)
  const served = lines.filter((line) => line.status === 200).map((line) => line.upstreams.at(-1))
  expect(served).toContain(dead)
  expect(served).toContain(alive)
  const lastServed = served.slice(-100)
  expect(lastServed.every((upstream) => upstream === alive)).toBe(true)

  // The killed instance is really gone: its port is free again.
  await assertPortFree(scale.instancePorts[0] ?? 0)
})
