#!/usr/bin/env bash
# Proves the README's start command works from a clean copy of the tree: fresh .env.local, fresh database,
# migrations, demo data, build, server answering /api/health and printing the URL and demo logins.
# It installs its own node_modules (npm ci, from npm's cache when warm), as a newcomer's machine would.
# Not a timing test: it waits (up to 30 minutes) for the start script's own ready line.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
mkdir -p test-results
echo '{"passed":0,"failed":1}' > "$root/test-results/smoke.json"
tmp=$(mktemp -d /tmp/portal-smoke.XXXXXX)
git ls-files -z | xargs -0 -I{} cp --parents {} "$tmp/"
# A free port, so a server left over from elsewhere cannot answer in our place.
port=${SMOKE_PORT:-$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
cd "$tmp"
# Its own process group, so the whole tree (npm, next, next-server) is stopped at the end.
setsid env PORT="$port" npm run --silent setup-and-start > start.log 2>&1 < /dev/null &
pid=$!
cleanup() {
  set +e
  kill -- -"$pid" 2>/dev/null
  for _ in $(seq 1 20); do kill -0 -- -"$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 -- -"$pid" 2>/dev/null
  cd /
  rm -rf "$tmp"
}
trap cleanup EXIT
ready=0
for _ in $(seq 1 1800); do
  if grep -q '门户已就绪' start.log; then ready=1; break; fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 1
done
if [ "$ready" -ne 1 ]; then echo "smoke: the start command did not become ready:"; tail -40 start.log; exit 1; fi
curl -fsS "http://127.0.0.1:$port/api/health" | grep -q '"migrations":"current"'
grep -q "门户地址: http://localhost:$port" start.log
grep -q "13800000001" start.log
test -f data/portal.db && test -f .env.local
# The demo fills every staff-set figure (marked 演示): a 2026 Shanghai 低保 stay misses none of them.
curl -fsS -X POST -H 'content-type: application/json' "http://127.0.0.1:$port/api/v1/estimate" \
  -d '{"region":"shanghai","year":2026,"person":{"categories":["dibao"]},"episodes":[{"date":"2026-03-01","endDate":"2026-03-05","kind":"inpatient","totalFen":1000000,"policyFen":800000,"basicPaidFen":500000}]}' \
  | grep -q '"missingParameters":\[\]'

echo '{"passed":1,"failed":0}' > "$root/test-results/smoke.json"
echo "smoke: setup-and-start works from a clean copy (port $port)"
