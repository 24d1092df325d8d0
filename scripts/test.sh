#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit + integration (vitest) twice — on SQLite files and on a private PostgreSQL
# cluster this script starts (127.0.0.1, random port; Debian's postgresql is installed when missing) — then
# end-to-end (Playwright in Debian's Chromium against a production build of the real content in a throwaway
# database): every spec on SQLite, the answer-page and glossary specs again on a build served from PostgreSQL.
# After each of those builds, tests/scale run two instances of it behind nginx (installed when missing); the nginx
# configuration's own tests and the `npm run scale:demo` test run once, after the PostgreSQL build.
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
elapsed() { local ms=$(( ($(date +%s%N) - $1) / 1000000 )); echo "$((ms / 1000)).$(printf '%03d' $((ms % 1000))) s"; }

# nginx for the scale-out tests: Debian's package is installed when missing and we are root, else a one-line
# instruction (scripts/scale/nginx-binary.ts, the same code the scale stack uses).
nginx_started=$(date +%s%N)
nginx_path="$(npx tsx --eval 'import("./scripts/scale/nginx-binary.ts").then((m) => console.log(m.ensureNginx())).catch((e) => { console.error(e.message); process.exit(1) })')"
echo "nginx: $nginx_path ($(elapsed "$nginx_started") to find or install)"

step "typecheck"
npx tsc --noEmit
step "lint"
npx eslint .

step "PostgreSQL: start a private cluster"
pg_started=$(date +%s%N)
cluster_json="$(node scripts/postgres-cluster.mjs start)"
pg_dir="$(node -e 'process.stdout.write(JSON.parse(process.argv[1]).dir)' "$cluster_json")"
pg_admin_url="$(node -e 'process.stdout.write(JSON.parse(process.argv[1]).url)' "$cluster_json")"
e2e_dir="$(mktemp -d)"
trap 'node scripts/postgres-cluster.mjs stop "$pg_dir"; rm -rf "$e2e_dir"' EXIT
pg_ms=$(( ($(date +%s%N) - pg_started) / 1000000 ))
echo "PostgreSQL ready in $((pg_ms / 1000)).$(printf '%03d' $((pg_ms % 1000))) s (install when missing + initdb + start) at $pg_admin_url"

ran=()
step "unit + integration (vitest) on SQLite"
TEST_DATABASE=sqlite npx vitest run
ran+=("SQLite")
step "unit + integration (vitest) on PostgreSQL"
TEST_DATABASE=postgresql TEST_POSTGRES_URL="$pg_admin_url" npx vitest run
ran+=("PostgreSQL")

export NEXT_TELEMETRY_DISABLED=1 E2E_PORT="${E2E_PORT:-3200}"
export SITE_URL="http://127.0.0.1:$E2E_PORT"

step "end-to-end on SQLite: ingest content into a fresh database and build"
export DATABASE_URL="file:$e2e_dir/e2e.db"
npm run --silent content:ingest
rm -f .next/ask-kb-build.json  # the next `npm start` must rebuild against its own database
npx next build
step "end-to-end on SQLite (Playwright, every spec)"
npx playwright test
ran+=("e2e on SQLite")
step "scale-out on SQLite: two instances of this build behind nginx (vitest, tests/scale)"
scale_started=$(date +%s%N)
npx vitest run --config tests/scale/vitest.config.ts tests/scale/through-nginx.test.ts tests/scale/instance-failure.test.ts
echo "scale-out tests on SQLite: $(elapsed "$scale_started")"
ran+=("scale-out on SQLite")

step "end-to-end on PostgreSQL: ingest into a fresh database and build"
psql_url="${pg_admin_url%/postgres}/ask_kb_e2e"
node -e 'const pg = require("pg"); const c = new pg.Client(process.argv[1]); c.connect().then(() => c.query("CREATE DATABASE ask_kb_e2e")).then(() => c.end())' "$pg_admin_url"
export DATABASE_URL="$psql_url"
npm run --silent content:ingest
rm -f .next/ask-kb-build.json
npx next build
step "end-to-end on PostgreSQL (Playwright: answer page, glossary)"
npx playwright test tests/e2e/answer-page.spec.ts tests/e2e/glossary.spec.ts
ran+=("e2e on PostgreSQL (answer page, glossary)")
step "scale-out on PostgreSQL: nginx config, two instances of this build behind nginx, npm run scale:demo (vitest, tests/scale)"
scale_started=$(date +%s%N)
npx vitest run --config tests/scale/vitest.config.ts
echo "scale-out tests on PostgreSQL: $(elapsed "$scale_started")"
ran+=("scale-out on PostgreSQL")

printf '\n\033[1mDatabases tested:\033[0m %s\n' "$(IFS=,; echo "${ran[*]}" | sed 's/,/, /g')"
