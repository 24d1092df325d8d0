import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, rmSync, writeFileSync } from 'node:fs'

// Debian installs nginx to /usr/sbin, which is not on a normal user's PATH.
const knownLocations = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx']

const policyFile = '/usr/sbin/policy-rc.d'

function findNginx(): string | undefined {
  const found = knownLocations.find((file) => existsSync(file))
  if (found) return found
  const lookup = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' })
  const onPath = lookup.status === 0 ? lookup.stdout.trim() : ''
  return onPath === '' ? undefined : onPath
}

/**
 * The nginx binary. A machine without one gets Debian's package when we are root (as scripts/test.sh does for
 * Chromium and scripts/postgres-cluster.mjs for PostgreSQL); otherwise this throws a one-line instruction.
 */
export function ensureNginx(): string {
  const found = findNginx()
  if (found) return found
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    throw new Error("nginx is missing: run 'sudo apt-get install nginx' and try again")
  }
  console.error("nginx is missing: installing Debian's nginx package…")
  const started = performance.now()
  // The package's install script would start a system nginx on port 80 of every interface; a policy-rc.d that
  // answers 101 ("action forbidden") stops that, as Debian's container images do. Ours is removed again.
  const ownPolicy = !existsSync(policyFile)
  if (ownPolicy) writeFileSync(policyFile, '#!/bin/sh\nexit 101\n', { mode: 0o755 })
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' })
    execFileSync('apt-get', ['install', '-y', '-qq', 'nginx'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  } catch {
    throw new Error("installing nginx with apt-get failed: run 'apt-get install nginx' to see why")
  } finally {
    if (ownPolicy) rmSync(policyFile, { force: true })
  }
  console.error(`Installed nginx in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  const installed = findNginx()
  if (!installed) throw new Error('apt-get installed nginx but no nginx binary was found')
  return installed
}
