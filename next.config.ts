import type { NextConfig } from 'next'
import { env } from './lib/env'
import { compilePageCacheHandler } from './lib/http/compile-page-cache-handler'
import { securityHeaderRules } from './lib/http/security-headers'

// The page cache (lib/http/page-cache-handler.ts) adds each page's Content-Security-Policy when it is cached and
// keeps 404s of unknown URLs off the disk. Compiled here; instrumentation.ts installs it in the server process.
compilePageCacheHandler(process.cwd())

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Compression is ours: lib/http/response-compression.ts, installed by instrumentation.ts, sends cached pages
  // pre-compressed (brotli or gzip) and compresses everything else as Next would.
  compress: false,
  reactStrictMode: true,
  // Hashing every 35 KB page per request costs CPU we would rather spend serving; pages revalidate anyway.
  generateEtags: false,
  async headers() {
    return securityHeaderRules(env.SITE_URL)
  },
}

export default nextConfig
