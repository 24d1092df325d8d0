import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { afterAll, expect, test } from 'vitest'
import { assertPortFree } from '@/scripts/scale/child-processes'
import { stopCluster } from '@/scripts/postgres-cluster.mjs'
import { freePorts } from '@/tests/helpers/free-port'
import { rawRequest } from '@/tests/helpers/raw-http'
import { discoverPages } from '@/tests/helpers/site-pages'

let demo: ChildProcess | undefined
let clusterDir: string | undefined

// Whatever the test left running (it failed midway): the whole process group, and the cluster.
afterAll(() => {
  if (demo?.pid && demo.exitCode === null && demo.signalCode === null) process.kill(-demo.pid, 'SIGKILL')
  if (clusterDir && existsSync(clusterDir)) stopCluster(clusterDir)
})

function waitForOutput(child: ChildProcess, output: () => string, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs / 1000} s; output:\n${output()}`)), timeoutMs)
    const check = () => {
      const match = pattern.exec(output())
      if (match) {
        clearTimeout(timer)
        resolve(match)
      }
    }
    child.stdout?.on('data', check)
    child.once('exit', () => {
      clearTimeout(timer)
      reject(new Error(`the demo exited early; output:\n${output()}`))
    })
  })
}

test('npm run scale:demo serves the site through nginx and Ctrl-C stops and removes everything', { timeout: 180_000 }, async () => {
  const [port = 0, ...instancePorts] = await freePorts(3)
  // Its own process group, as a terminal runs it: Ctrl-C signals the whole group (npm, the demo, its children).
  demo = spawn('npm', ['run', '--silent', 'scale:demo', '--', `--port=${port}`, `--instance-ports=${instancePorts.join(',')}`, '--reuse-build'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  demo.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  demo.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  // 'close': npm and the demo itself (which shares npm's stdout) have both exited.
  const closed = new Promise((resolve) => demo?.once('close', resolve))

  clusterDir = (await waitForOutput(demo, () => output, /private cluster on \S+ in (\S+)/, 60_000))[1]
  const [, url] = await waitForOutput(demo, () => output, /Ready in [\d.]+ s → (http:\/\/127\.0\.0\.1:\d+) /, 120_000)
  const workDir = /\(logs in (\S+)\)/.exec(output)?.[1]
  expect(url).toBe(`http://127.0.0.1:${port}`)
  expect(clusterDir && existsSync(clusterDir)).toBe(true)

  const pages = await discoverPages(url ?? '')
  const first = await rawRequest(`${url}${pages.answer}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } })
  const second = await rawRequest(`${url}${pages.answer}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } })
  expect([first.status, second.status, second.headers['x-cache-status']]).toEqual([200, 200, 'HIT'])

  process.kill(-(demo.pid ?? 0), 'SIGINT')
  await closed
  // npm ends itself with the signal it got once the script is done, as a shell would report Ctrl-C.
  expect(demo.exitCode === 0 || demo.signalCode === 'SIGINT').toBe(true)
  expect(output).toContain('Stopped; the cluster and the temporary files are removed.')
  for (const used of [port, ...instancePorts]) await assertPortFree(used)
  expect(existsSync(clusterDir ?? '')).toBe(false)
  expect(workDir && existsSync(workDir)).toBe(false)
})
