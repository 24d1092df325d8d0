// Runs once when a Next server process starts (next start and next dev).
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next itself (not configuration), which is why this reads process.env directly.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installPeerAddressHook } = await import('./lib/http/peer-address-hook')
    installPeerAddressHook()
    const { installPageCacheHandler } = await import('./lib/http/install-page-cache-handler')
    await installPageCacheHandler(process.cwd())
  }
}
