import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Tests against a production build served by `next start` (scripts/test.sh runs them after its PostgreSQL build):
// not part of the plain `vitest run`, which has no build to serve.
export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('../../', import.meta.url)),
      'server-only': fileURLToPath(new URL('../../node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    root: fileURLToPath(new URL('../../', import.meta.url)),
    include: ['tests/served/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
