import path from 'node:path'
import { buildSync } from 'esbuild'

/**
 * Next imports its cache handler with a plain `import()` at run time, so it must be JavaScript. The handler is
 * written in TypeScript (page-cache-handler.ts) and compiled here whenever next.config loads (`next build`,
 * `next start`, `next dev`; ~20 ms). A TypeScript loader in the server process instead (tsx) halved the answer
 * page's throughput: every `import()` then went through its hooks thread, and Next imports the handler per request.
 */
export function compilePageCacheHandler(projectDir: string): string {
  const outfile = path.join(projectDir, 'generated/page-cache-handler.mjs')
  buildSync({
    entryPoints: [path.join(projectDir, 'lib/http/page-cache-handler.ts')],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The data modules it reads the stored slugs with are server-only; here they run in Next's server process.
    alias: { 'server-only': path.join(projectDir, 'node_modules/server-only/empty.js') },
    logLevel: 'error',
  })
  return outfile
}
