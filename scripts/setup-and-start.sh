#!/usr/bin/env bash
# One command for a newcomer: install, configure, migrate, fill demo data (first run only), build, start.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> 安装依赖 (npm ci)"
  npm ci --no-audit --no-fund
fi
node scripts/ensure-env.mjs
echo "==> 迁移数据库"
npm run --silent db:migrate
echo "==> 演示数据"
npm run --silent db:seed
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app lib db public next.config.mjs package-lock.json -newer .next/BUILD_ID -type f -print -quit 2>/dev/null)" ]; then
  echo "==> 构建 (next build)"
  npx next build
fi
PORT="${PORT:-3000}"
echo
echo "门户地址: http://localhost:${PORT}"
npx tsx db/demo-logins.ts
echo
exec npx next start -p "$PORT"
