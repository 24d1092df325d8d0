import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { buildSync } from 'esbuild'
import { pageCacheHandlerFile } from './page-cache-handler-file'

/**
 * The page cache is loaded into the server process with a plain `import()` (install-page-cache-handler.ts), so it
 * must be JavaScript. It is written in TypeScript (page-cache-handler.ts) and compiled here whenever next.config
 * loads (`next build`, `next start`, `next dev`; ~20 ms), so the file is never older than its source. Several
 * processes load the config at once during `next build`, so the file is replaced atomically, and only if it changed.
 */
export function compilePageCacheHandler(projectDir: string): string {
  const outfile = path.join(projectDir, pageCacheHandlerFile)
  const result = buildSync({
    entryPoints: [path.join(projectDir, 'lib/http/page-cache-handler.ts')],
    outfile,
    write: false,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The data modules it reads the stored slugs with are server-only; here they run in Next's server process.
    alias: { 'server-only': path.join(projectDir, 'node_modules/server-only/empty.js') },
    logLevel: 'error',
  })
  const code = result.outputFiles[0]?.contents
  if (!code) throw new Error('esbuild produced no page cache handler')
  if (existsSync(outfile) && Buffer.from(code).equals(readFileSync(outfile))) return outfile
  const temporary = `${outfile}.${process.pid}.tmp`
  writeFileSync(temporary, code)
  renameSync(temporary, outfile)
  return outfile
}
