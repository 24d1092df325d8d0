import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The ingest CLI and tests share lib/ with the app; keep the build output separate from dev's.
  typescript: { ignoreBuildErrors: false },
}

export default nextConfig
