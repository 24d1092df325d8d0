#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit + integration (vitest), then end-to-end (Playwright in Debian's Chromium
# against a production build of the real content in a throwaway database).
set -euo pipefail
cd "$(dirname "$0")/.."

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Chromium is missing: installing Debian's chromium package…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: run 'sudo apt-get install chromium' (or set CHROMIUM_PATH), then npm test again." >&2
    exit 1
  fi
fi

step() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }

step "typecheck"
npx tsc --noEmit
step "lint"
npx eslint .
step "unit + integration (vitest)"
npx vitest run

step "end-to-end: ingest content into a fresh database and build"
e2e_dir="$(mktemp -d)"
trap 'rm -rf "$e2e_dir"' EXIT
export DATABASE_URL="file:$e2e_dir/e2e.db" NEXT_TELEMETRY_DISABLED=1 E2E_PORT="${E2E_PORT:-3200}"
export SITE_URL="http://127.0.0.1:$E2E_PORT"
npm run --silent content:ingest
rm -f .next/ask-kb-build.json  # the next `npm start` must rebuild against its own database
npx next build
step "end-to-end (Playwright)"
npx playwright test
