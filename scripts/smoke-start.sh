#!/usr/bin/env bash
# Proves the README's start command works from a clean copy of the tree: fresh .env.local, fresh database,
# migrations, demo data, build, server answering /api/health and printing the URL and demo logins.
# It installs its own node_modules (npm ci, from npm's cache when warm), as a newcomer's machine would.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d /tmp/portal-smoke.XXXXXX)
git ls-files -z | xargs -0 -I{} cp --parents {} "$tmp/"
port=${SMOKE_PORT:-3190}
cd "$tmp"
PORT=$port npm run --silent setup-and-start > start.log 2>&1 &
pid=$!
trap 'pkill -f "next start -p $port" 2>/dev/null; kill $pid 2>/dev/null; sleep 1; rm -rf "$tmp"' EXIT
for _ in $(seq 1 180); do
  if curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "smoke: the start command stopped:"; tail -40 start.log; exit 1; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/api/health" | grep -q '"migrations":"current"'
grep -q "门户地址: http://localhost:$port" start.log
grep -q "13800000001" start.log
test -f data/portal.db && test -f .env.local
echo "smoke: setup-and-start works from a clean copy (port $port)"
