#!/usr/bin/env bash
# Every test: lint, types, unit (vitest) on SQLite and again on PostgreSQL, production build and its first-load
# JavaScript budget (scripts/js-budget.mjs), end-to-end
# (Playwright + Debian's Chromium) on SQLite with the resident journey once more on PostgreSQL, two
# instances behind nginx on PostgreSQL, the bounded log check, fuzzing and crash recovery
# (scripts/robustness.sh), and the start command from a clean copy. `.ci/run` calls this
# after `npm ci`. It installs what it needs (chromium, CJK fonts, postgresql, nginx) with apt when missing,
# starts a throw-away PostgreSQL server and removes it at the end, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

# Read fc-list whole before matching: `fc-list | grep -q` under pipefail fails by SIGPIPE when grep exits early.
fonts=$(fc-list 2>/dev/null || true)
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[[ "$fonts" == *"Noto Sans CJK"* ]] || missing+=(fonts-noto-cjk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "==> 安装 Debian 的 ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -d node_modules ] || npm ci --no-audit --no-fund

rm -rf test-results && mkdir -p test-results
echo "==> PostgreSQL (temporary server)"
eval "$(bash scripts/pg-test-server.sh start)"
: "${PG_TEST_URL:?the PostgreSQL test server did not start}"
trap 'bash scripts/pg-test-server.sh stop "$PG_TEST_DIR"' EXIT

echo "==> lint";      npx eslint . --max-warnings=0
echo "==> typecheck"; npx tsc --noEmit
echo "==> unit tests (SQLite)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json
echo "==> unit tests (PostgreSQL)"
PG_TEST_URL="$PG_TEST_URL" npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit-pg.json
echo "==> build"
npx next build
echo "==> first-load JavaScript budget (scripts/js-budget.json)"
budget=0; node scripts/js-budget.mjs || budget=$?
echo "==> end-to-end tests (SQLite)"
e2e=0; npx playwright test || e2e=$?
echo "==> resident journey end to end (PostgreSQL)"
pg_e2e_url=$(node scripts/pg-create-db.mjs "$PG_TEST_URL" portal_e2e)
e2e_pg=0
E2E_DATABASE_URL="$pg_e2e_url" E2E_PORT=3101 E2E_REPORT=test-results/e2e-pg.json E2E_ENV_FILE=test-results/e2e-server-pg.env.json E2E_LOG=test-results/e2e-server-pg.log \
  E2E_OUTPUT=test-results/playwright-pg npx playwright test tests/e2e/apply.spec.ts || e2e_pg=$?
echo "==> two instances behind nginx (PostgreSQL)"
multi=0; bash scripts/multi-instance-e2e.sh || multi=$?
echo "==> logs, fuzzing and crash recovery (bounded)"
robust=0; bash scripts/robustness.sh || robust=$?
echo "==> start command from a clean copy"
smoke=0; bash scripts/smoke-start.sh || smoke=$?
node scripts/summarise-tests.mjs
[ "$budget" -eq 0 ] && [ "$e2e" -eq 0 ] && [ "$e2e_pg" -eq 0 ] && [ "$multi" -eq 0 ] && [ "$robust" -eq 0 ] && [ "$smoke" -eq 0 ]
