import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Hashing every 35 KB page per request costs CPU we would rather spend serving; pages revalidate anyway.
  generateEtags: false,
}

export default nextConfig
