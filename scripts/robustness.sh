#!/usr/bin/env bash
# The bounded robustness checks `npm test` runs after the end-to-end suites (docs/security.md):
#   1. logs: the e2e servers' logs hold no full phone number, 身份证号, bank account or (outside the demo
#      sender's own lines) one-time code (scripts/check-logs.mjs);
#   2. fuzz: 10,000 seeded random and malformed API and form-action requests against a fresh production server
#      (scripts/fuzz-server.ts): no answer ≥ 500, no dropped connection, a correct estimate afterwards;
#   3. crash: kill -9 the production server mid-submission, CRASH_ROUNDS times per database, on SQLite and on
#      PostgreSQL (scripts/crash-test.ts): every acknowledged submission there exactly once, integrity_check ok.
# Each check is one test in test-results/robustness.json (scripts/summarise-tests.mjs adds them up). Needs the
# production build and, for PostgreSQL, PG_TEST_URL (scripts/test.sh provides both).
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
passed=0; failed=0; names=()
record() { if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); names+=("$1"); fi; }

echo "==> robustness: server logs"
logs=0
for log in test-results/e2e-server.log test-results/e2e-server-pg.log; do
  [ -f "$log" ] || continue
  node scripts/check-logs.mjs --json "$log" || logs=1
done
record logs "$logs"

echo "==> robustness: fuzz (${FUZZ_COUNT:-10000} requests)"
port=${FUZZ_PORT:-3190}
E2E_PORT=$port E2E_LOG=test-results/fuzz-server.log E2E_ENV_FILE=test-results/fuzz-server.env.json setsid bash scripts/e2e-server.sh >/dev/null 2>&1 &
server=$!
stop_server() { kill -- -"$server" 2>/dev/null; wait "$server" 2>/dev/null; }
trap stop_server EXIT
ready=0
for _ in $(seq 1 240); do
  if node -e "fetch('http://127.0.0.1:${port}/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then ready=1; break; fi
  kill -0 "$server" 2>/dev/null || break
  sleep 1
done
fuzz=1
if [ "$ready" -eq 1 ]; then
  FUZZ_URL="http://127.0.0.1:${port}" FUZZ_COUNT="${FUZZ_COUNT:-10000}" FUZZ_CONCURRENCY=4 npx tsx scripts/fuzz-server.ts && fuzz=0
else
  echo "fuzz: the server never answered its health check (test-results/fuzz-server.log)"
fi
stop_server; trap - EXIT
record fuzz "$fuzz"

echo "==> robustness: crash (${CRASH_ROUNDS:-2} kills per database)"
crash=0
CRASH_ROUNDS="${CRASH_ROUNDS:-2}" CRASH_DB="${CRASH_DB:-both}" npx tsx --conditions=react-server scripts/crash-test.ts || crash=1
record crash "$crash"

printf '{"passed":%d,"failed":%d,"failures":"%s"}\n' "$passed" "$failed" "${names[*]:-}" > test-results/robustness.json
echo "robustness: $passed passed, $failed failed${names:+ (${names[*]})}"
[ "$failed" -eq 0 ]
