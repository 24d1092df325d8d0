// Runs once when a Next server process starts (next start and next dev).
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next itself (not configuration), which is why this reads process.env directly.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installPeerAddressHook } = await import('./lib/http/peer-address-hook')
    installPeerAddressHook()
    const { installPageStatusHook } = await import('./lib/http/page-status')
    installPageStatusHook(['/search'])
    const { installPageCacheHandler } = await import('./lib/http/install-page-cache-handler')
    await installPageCacheHandler(process.cwd())
    // After the compression hook, so that a 503 sent instead of a 500 is compressed like any response.
    const { installDatabaseUnavailableResponses } = await import('./lib/http/database-unavailable')
    installDatabaseUnavailableResponses()
    const { quietOutageErrors } = await import('./lib/http/quiet-outage-errors')
    quietOutageErrors()
    const { announceAvailabilityChanges } = await import('./lib/db-availability')
    announceAvailabilityChanges()
  }
}
