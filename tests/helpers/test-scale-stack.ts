import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startScaleStack, type ScaleStack } from '@/scripts/scale/stack'
import { stackLayout } from '@/scripts/scale/stack-layout'
import { freePorts } from './free-port'
import { readScaleEnv } from './scale-env'

export interface TestScaleStack {
  stack: ScaleStack
  layout: ReturnType<typeof stackLayout>
  instancePorts: number[]
  nginxPort: number
  close: () => Promise<void>
}

/** Two instances of the build in .next behind nginx, on random free ports, with a temporary workDir. */
export async function startTestScaleStack(options: { microCache: boolean; env?: Record<string, string> }): Promise<TestScaleStack> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'ask-kb-scale-'))
  const [nginxPort = 0, ...instancePorts] = await freePorts(3)
  try {
    const stack = await startScaleStack({
      databaseUrl: readScaleEnv().DATABASE_URL,
      instancePorts,
      nginxPort,
      microCache: options.microCache,
      workDir,
      env: { SITE_URL: `http://127.0.0.1:${nginxPort}`, ...options.env },
    })
    return {
      stack,
      layout: stackLayout(workDir),
      instancePorts,
      nginxPort,
      close: async () => {
        await stack.stop()
        rmSync(workDir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true })
    throw error
  }
}

export interface AccessLogLine {
  client: string
  request: string
  status: number
  /** Every instance nginx tried, in order (more than one when it retried). */
  upstreams: string[]
  cache: string
}

const linePattern = /^(\S+) \[[^\]]+\] "([^"]*)" (\d{3}) \d+ upstream=(\S*(?:, \S+)*) upstream_status=\S*(?:, \S+)* cache=(\S*) /

/** nginx's access log, parsed (the format is `upstream` in deploy/nginx.conf). */
export function readAccessLog(file: string): AccessLogLine[] {
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const match = linePattern.exec(line)
      if (!match) throw new Error(`unexpected access log line: ${line}`)
      const [, client = '', request = '', status = '0', upstreams = '', cache = ''] = match
      return { client, request, status: Number(status), upstreams: upstreams === '-' ? [] : upstreams.split(', '), cache }
    })
}

/** Polls the access log (nginx writes it out once a second) until `done` holds for its lines. */
export async function waitForAccessLog(file: string, done: (lines: AccessLogLine[]) => boolean, timeoutMs = 5_000): Promise<AccessLogLine[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const lines = readAccessLog(file)
    if (done(lines) || Date.now() > deadline) return lines
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
