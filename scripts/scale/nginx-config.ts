// Renders deploy/nginx.conf (a template: see the placeholders listed at its top) for one set of instances.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

/** The template, relative to the project folder every npm script and test runs in. */
export const nginxTemplatePath = path.resolve('deploy/nginx.conf')

const port = z.number().int().min(1).max(65535)
const address = z.object({ host: z.ipv4(), port })

const nginxConfigOptions = z.object({
  listen: address,
  upstreams: z.array(address).min(1, 'needs at least one instance'),
  cacheDir: z.string().refine((dir) => path.isAbsolute(dir) && !/[\s;{}'"]/.test(dir), 'must be an absolute path without spaces, quotes, braces or semicolons'),
  microCache: z.boolean(),
  /** nginx started as root switches its workers to an unprivileged user; otherwise there is nobody to switch to. */
  runsAsRoot: z.boolean(),
})

export type NginxConfigOptions = z.input<typeof nginxConfigOptions>

const placeholder = /\{\{([A-Z_]+)\}\}/g
const isComment = (line: string) => line.trimStart().startsWith('#')

/** The configuration text; throws one line naming the first invalid option or unknown placeholder. */
export function renderNginxConfig(options: NginxConfigOptions, template = readFileSync(nginxTemplatePath, 'utf8')): string {
  const parsed = nginxConfigOptions.safeParse(options)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`nginx config: ${issue?.path.join('.') || 'options'}: ${issue?.message ?? 'invalid'}`)
  }
  const { listen, upstreams, cacheDir, microCache, runsAsRoot } = parsed.data
  const values: Record<string, string> = {
    USER: runsAsRoot ? 'user nobody nogroup;' : '# user: nginx keeps the user who started it (not root)',
    LISTEN: `${listen.host}:${listen.port}`,
    CACHE_DIR: cacheDir,
    PROXY_CACHE: microCache ? 'ask_kb' : 'off',
  }
  const fill = (line: string) =>
    line.replace(placeholder, (match, name: string) => {
      const value = values[name]
      if (value === undefined) throw new Error(`nginx config: unknown placeholder ${match} in the template`)
      return value
    })
  let upstreamLines = 0
  // Comments keep their placeholders (the template documents them there); a `{{UPSTREAM}}` line becomes one per instance.
  const lines = template.split('\n').flatMap((line) => {
    if (isComment(line)) return [line]
    if (!line.includes('{{UPSTREAM}}')) return [fill(line)]
    upstreamLines++
    return upstreams.map((upstream) => fill(line.replace('{{UPSTREAM}}', `${upstream.host}:${upstream.port}`)))
  })
  if (upstreamLines !== 1) throw new Error(`nginx config: the template needs exactly one {{UPSTREAM}} line (found ${upstreamLines})`)
  return lines.join('\n')
}
