#!/usr/bin/env bash
# Every test: lint, types, unit (vitest), end-to-end (Playwright + Debian's Chromium against a production build
# on a temporary database). `.ci/run` calls this after `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

# Read fc-list whole before matching: `fc-list | grep -q` under pipefail fails by SIGPIPE when grep exits early.
fonts=$(fc-list 2>/dev/null || true)
if [ ! -x /usr/bin/chromium ] || [[ "$fonts" != *"Noto Sans CJK"* ]]; then
  echo "==> 安装 Debian 的 chromium 和中文字体"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
[ -d node_modules ] || npm ci --no-audit --no-fund

rm -rf test-results && mkdir -p test-results
echo "==> lint";      npx eslint . --max-warnings=0
echo "==> typecheck"; npx tsc --noEmit
echo "==> unit tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json
echo "==> build"
npx next build
echo "==> end-to-end tests"
e2e=0; npx playwright test || e2e=$?
echo "==> start command from a clean copy"
smoke=0; bash scripts/smoke-start.sh || smoke=$?
node scripts/summarise-tests.mjs
[ "$e2e" -eq 0 ] && [ "$smoke" -eq 0 ]
