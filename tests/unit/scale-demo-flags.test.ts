import { describe, expect, test } from 'vitest'
import { parseDemoFlags } from '@/scripts/scale/demo-flags'

describe('parseDemoFlags', () => {
  test('defaults: nginx on 8080, instances on 8081 and 8082, a fresh build', () => {
    expect(parseDemoFlags([])).toEqual({ port: 8080, instancePorts: [8081, 8082], reuseBuild: false })
  })

  test('reads --port, --instance-ports and --reuse-build', () => {
    expect(parseDemoFlags(['--port=9000', '--instance-ports=9001, 9002,9003', '--reuse-build'])).toEqual({ port: 9000, instancePorts: [9001, 9002, 9003], reuseBuild: true })
  })

  test('names the bad flag in one line', () => {
    const usage = '(usage: npm run scale:demo [-- --port=8080] [--instance-ports=8081,8082] [--reuse-build])'
    expect(() => parseDemoFlags(['--port=80'])).toThrow(`--port: must be 1024 or above ${usage}`)
    expect(() => parseDemoFlags(['--port'])).toThrow('--port: needs a value, e.g. --port=8080')
    expect(() => parseDemoFlags(['--port=8o8o'])).toThrow('--port: must be a port number')
    expect(() => parseDemoFlags(['--instance-ports=8081,'])).toThrow('--instance-ports (entry 2): must be a port number')
    expect(() => parseDemoFlags(['--port=8081'])).toThrow('--instance-ports: nginx and every instance need a port of their own')
    expect(() => parseDemoFlags(['--reuse-build=no'])).toThrow('--reuse-build: takes no value (write just --reuse-build)')
    expect(() => parseDemoFlags(['--workers=2'])).toThrow('--workers: unknown option')
    expect(() => parseDemoFlags(['8080'])).toThrow('unexpected argument "8080"')
  })
})
