import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { assertPortFree } from '@/scripts/scale/child-processes'
import { startScaleStack, type ScaleStackOptions } from '@/scripts/scale/stack'
import { freePorts } from '@/tests/helpers/free-port'
import { nginxInFrontOf } from '@/tests/helpers/nginx-in-front'
import { readScaleEnv } from '@/tests/helpers/scale-env'

let workDir: string
let ports: number[]

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'ask-kb-scale-errors-'))
  ports = await freePorts(3)
})

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true })
})

const options = (): ScaleStackOptions => ({
  databaseUrl: readScaleEnv().DATABASE_URL,
  instancePorts: [ports[0] ?? 0, ports[1] ?? 0],
  nginxPort: ports[2] ?? 0,
  microCache: true,
  workDir: path.join(workDir, 'stack'),
})

test('bad options are refused with one line before anything starts', async () => {
  await expect(startScaleStack({ ...options(), nginxPort: ports[0] ?? 0 })).rejects.toThrow('scale stack: instancePorts: every instance and nginx need a port of their own')
  await expect(startScaleStack({ ...options(), instancePorts: [] })).rejects.toThrow('scale stack: instancePorts: needs at least one instance port')
  await expect(startScaleStack({ ...options(), workDir: 'relative' })).rejects.toThrow('scale stack: workDir: must be an absolute path')
  await expect(startScaleStack({ ...options(), databaseUrl: 'mysql://db/kb' })).rejects.toThrow('scale stack: databaseUrl: must start with "file:" or "postgresql://"')
})

test('a port already taken is named, and nothing is left running', async () => {
  const taken: Server = createServer()
  await new Promise<void>((resolve) => taken.listen(ports[1], '127.0.0.1', resolve))
  try {
    await expect(startScaleStack(options())).rejects.toThrow(`port ${ports[1]} on 127.0.0.1 is already in use`)
  } finally {
    await new Promise((resolve) => taken.close(resolve))
  }
  for (const port of ports) await assertPortFree(port ?? 0)
})

test.runIf(process.getuid?.() === 0)('as root, a folder above the stack that nginx workers cannot pass is an error, not silently changed', async () => {
  const closed = path.join(workDir, 'closed')
  mkdirSync(closed, { mode: 0o700 })
  const upstreamPort = ports[0] ?? 0
  // nginxInFrontOf runs nginx in a mkdtemp folder; here the prefix sits below a folder that is not its own.
  const front = nginxInFrontOf([upstreamPort], { microCache: true, parentDir: closed })
  await expect(front).rejects.toThrow(`nginx: its workers (user nobody) cannot pass through ${closed}`)
})
