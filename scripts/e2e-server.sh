#!/usr/bin/env bash
# The server Playwright starts: the production build on a fresh temporary database and upload folder.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d /tmp/portal-e2e.XXXXXX)
export NODE_ENV=production
export DATABASE_URL="$tmp/portal.db"
export UPLOAD_DIR="$tmp/uploads"
export SMS_PROVIDER=demo
key() { node -e "console.log(require('node:crypto').randomBytes(32).toString('base64url'))"; }
export AUTH_SECRET="$(key)" DATA_ENCRYPTION_KEY="$(key)" DATA_HMAC_KEY="$(key)"
npx tsx db/migrate.ts
npx tsx --conditions=react-server db/seed.ts
echo "e2e database: $DATABASE_URL"
exec npx next start -p "${E2E_PORT:-3100}" -H 127.0.0.1
