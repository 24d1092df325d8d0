import { z } from 'zod'

const portNumber = z
  .number({ error: 'must be a port number' })
  .int('must be a whole port number')
  .min(1024, 'must be 1024 or above')
  .max(65535, 'must be at most 65535')
const port = z
  .string({ error: 'needs a value, e.g. --port=8080' })
  .transform((text) => (text.trim() === '' ? Number.NaN : Number(text)))
  .pipe(portNumber)

const demoFlags = z
  .object({
    port: port.default(8080),
    'instance-ports': z
      .string({ error: 'needs a value, e.g. --instance-ports=8081,8082' })
      .default('8081,8082')
      .transform((list) => list.split(',').map((entry) => (entry.trim() === '' ? Number.NaN : Number(entry))))
      .pipe(z.array(portNumber).min(1, 'needs at least one port').max(8, 'at most 8 instances')),
    'reuse-build': z.literal(true, { error: 'takes no value (write just --reuse-build)' }).optional(),
  })
  .strict()
  .refine((flags) => new Set([flags.port, ...flags['instance-ports']]).size === flags['instance-ports'].length + 1, {
    message: 'nginx and every instance need a port of their own',
    path: ['instance-ports'],
  })

export interface DemoFlags {
  /** nginx, the address readers use. */
  port: number
  instancePorts: number[]
  /** Serve the build already in .next instead of building against the demo's database. */
  reuseBuild: boolean
}

export const demoUsage = 'usage: npm run scale:demo [-- --port=8080] [--instance-ports=8081,8082] [--reuse-build]'

/** `--name=value` and `--flag` arguments; throws one line naming the bad flag. */
export function parseDemoFlags(argv: string[]): DemoFlags {
  const raw: Record<string, string | boolean> = {}
  for (const argument of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argument)
    if (!match?.[1]) throw new Error(`unexpected argument "${argument}" (${demoUsage})`)
    raw[match[1]] = match[2] ?? true
  }
  const parsed = demoFlags.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const [name, entry] = issue?.path ?? []
    const flag = issue?.code === 'unrecognized_keys' ? issue.keys.map((key) => `--${key}`).join(', ') : `--${String(name)}${typeof entry === 'number' ? ` (entry ${entry + 1})` : ''}`
    const message = issue?.code === 'unrecognized_keys' ? 'unknown option' : (issue?.message ?? 'invalid')
    throw new Error(`${flag}: ${message} (${demoUsage})`)
  }
  return { port: parsed.data.port, instancePorts: parsed.data['instance-ports'], reuseBuild: parsed.data['reuse-build'] === true }
}
