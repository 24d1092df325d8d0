import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// The scale-out tests: real nginx in front of `next start` instances of the production build in .next, so they
// run in scripts/test.sh after a build (not in the main suite). One file at a time: each starts its own stack of
// processes, and the instance-failure test measures what readers see under load on 2 shared cores.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('../../', import.meta.url)),
      'server-only': fileURLToPath(new URL('../../node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: ['tests/scale/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
