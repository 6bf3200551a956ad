#!/usr/bin/env bash
# Proves the README's start command works from a clean copy of the tree: fresh .env.local, fresh database,
# migrations, demo data, build, server answering /api/health and printing the URL and demo logins.
# It installs its own node_modules (npm ci, from npm's cache when warm), as a newcomer's machine would.
# Not a timing test: it waits (up to 30 minutes) for the start script's own ready line.
# Then the README's PostgreSQL steps ("Running on PostgreSQL") in a second clean copy with no .env.local:
# `npm run db:migrate` and `npm run db:seed` must write the missing keys themselves, and `npm start` must answer.
# It starts its own throw-away PostgreSQL server for that.
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
pg_tmp=""; pg_pid=""; pg_db=""; own_pg=""
stop_group() {
  kill -- -"$1" 2>/dev/null
  for _ in $(seq 1 20); do kill -0 -- -"$1" 2>/dev/null || break; sleep 0.5; done
  kill -9 -- -"$1" 2>/dev/null
}
cleanup() {
  set +e
  stop_group "$pid"
  [ -n "$pg_pid" ] && stop_group "$pg_pid"
  [ -n "$pg_db" ] && node "$root/scripts/pg-create-db.mjs" --drop "$pg_db"
  [ -n "$own_pg" ] && bash "$root/scripts/pg-test-server.sh" stop "$own_pg"
  cd /
  rm -rf "$tmp" "$pg_tmp"
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
echo "smoke: setup-and-start works from a clean copy (port $port)"

# ── The README's PostgreSQL steps, in a fresh copy (no .env.local, no data) ──
# Always a throw-away server of its own: the one scripts/test.sh started may already be stopped by now.
eval "$(bash "$root/scripts/pg-test-server.sh" start)"
own_pg=$PG_TEST_DIR
pg_db=$(node "$root/scripts/pg-create-db.mjs" "$PG_TEST_URL" portal_smoke)   # the README's `createdb portal`
pg_tmp=$(mktemp -d /tmp/portal-smoke-pg.XXXXXX)
(cd "$root" && git ls-files -z | xargs -0 -I{} cp --parents {} "$pg_tmp/")
# The installed packages and the build of the first copy, as hard links: neither depends on the database, and a
# second `npm ci` and `next build` would prove nothing new.
cp -al "$tmp/node_modules" "$tmp/.next" "$pg_tmp/"
pg_port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
cd "$pg_tmp"
test ! -f .env.local
export DATABASE_URL="$pg_db"
npm run --silent db:migrate > migrate.log 2>&1 || { echo "smoke: npm run db:migrate failed on a fresh copy:"; cat migrate.log; exit 1; }
grep -q '^DATA_HMAC_KEY=' .env.local && grep -q '^DATA_ENCRYPTION_KEY=' .env.local && grep -q '^AUTH_SECRET=' .env.local
npm run --silent db:seed > seed.log 2>&1 || { echo "smoke: npm run db:seed failed:"; cat seed.log; exit 1; }
grep -q '已填入演示数据' seed.log
setsid env PORT="$pg_port" npm start > pg-start.log 2>&1 < /dev/null &
pg_pid=$!
up=0
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$pg_port/api/health" 2>/dev/null | grep -q '"migrations":"current"'; then up=1; break; fi
  if ! kill -0 "$pg_pid" 2>/dev/null; then break; fi
  sleep 1
done
if [ "$up" -ne 1 ]; then echo "smoke: the PostgreSQL server did not answer:"; tail -40 pg-start.log; exit 1; fi
# The seeded demo data is there: the estimate reads Shanghai's demo figures from PostgreSQL.
curl -fsS -X POST -H 'content-type: application/json' "http://127.0.0.1:$pg_port/api/v1/estimate" \
  -d '{"region":"shanghai","year":2026,"person":{"categories":["dibao"]},"episodes":[{"date":"2026-03-01","endDate":"2026-03-05","kind":"inpatient","totalFen":1000000,"policyFen":800000,"basicPaidFen":500000}]}' \
  | grep -q '"missingParameters":\[\]'
echo "smoke: the README's PostgreSQL steps work from a fresh copy (db:migrate and db:seed wrote the keys; port $pg_port)"

echo '{"passed":1,"failed":0}' > "$root/test-results/smoke.json"
