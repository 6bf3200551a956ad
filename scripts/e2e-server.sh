#!/usr/bin/env bash
# The server Playwright starts: the production build on a fresh temporary database and upload folder.
# E2E_DATABASE_URL=postgres://… runs it on PostgreSQL instead (a fresh database the caller created).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
tmp=$(mktemp -d /tmp/portal-e2e.XXXXXX)
export NODE_ENV=production
export DATABASE_URL="${E2E_DATABASE_URL:-$tmp/portal.db}"
export UPLOAD_DIR="$tmp/uploads"
export SMS_PROVIDER=demo
# A demonstration on purpose: the demo sender may run in production only with DEMO_MODE=1 (and says so on every page).
export DEMO_MODE=1
key() { node -e "console.log(require('node:crypto').randomBytes(32).toString('base64url'))"; }
export AUTH_SECRET="$(key)" DATA_ENCRYPTION_KEY="$(key)" DATA_HMAC_KEY="$(key)" METRICS_TOKEN="$(key)"
# Tests that act as staff through the data layer (tests/e2e/support/staff-act.ts) need the same database and keys.
mkdir -p test-results
# Everything the server prints also goes to the log (Playwright ignores stdout), which scripts/check-logs.mjs
# scans for personal data after the run.
log="${E2E_LOG:-test-results/e2e-server.log}"
: > "$log"
exec > >(tee -a "$log") 2>&1
node -e 'const e=process.env; console.log(JSON.stringify({DATABASE_URL:e.DATABASE_URL,UPLOAD_DIR:e.UPLOAD_DIR,AUTH_SECRET:e.AUTH_SECRET,DATA_ENCRYPTION_KEY:e.DATA_ENCRYPTION_KEY,DATA_HMAC_KEY:e.DATA_HMAC_KEY,METRICS_TOKEN:e.METRICS_TOKEN,SMS_PROVIDER:"demo",DEMO_MODE:"1"}))' > "${E2E_ENV_FILE:-test-results/e2e-server.env.json}"
npx tsx db/migrate.ts
npx tsx --conditions=react-server scripts/seed/seed.ts --without-parameters
echo "e2e database: $DATABASE_URL"
# Not exec: this shell stays to remove the temporary folder when Playwright stops the server.
# Same process group as this shell, which Playwright stops as a whole; on the way out the trap also stops
# npx's child (next-server renames itself) so no server outlives the run and keeps the port.
npx next start -p "${E2E_PORT:-3100}" -H 127.0.0.1 &
server=$!
# The job worker, as in production, so specs see imports and refreshes run as jobs (polling every 300 ms).
WORKER_POLL_MS=300 node node_modules/tsx/dist/cli.mjs --conditions=react-server scripts/worker.ts &
worker=$!
trap 'kill "$worker" 2>/dev/null; wait "$worker" 2>/dev/null; pkill -P "$server" 2>/dev/null; kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 0' TERM INT
wait "$server"
