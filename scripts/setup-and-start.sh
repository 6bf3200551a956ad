#!/usr/bin/env bash
# One command for a newcomer: install, configure, migrate, fill demo data (first run only), build, start.
# It prints the address and the demo logins once the server answers, ending with the line "门户已就绪".
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
echo "==> 启动 (next start，端口 ${PORT})"
npx next start -p "$PORT" &
server=$!
# The job worker (imports, the watch-list refresh): jobs live in the database, so it may start before the server.
echo "==> 启动任务处理进程 (npm run worker)"
npx tsx --conditions=react-server scripts/worker.ts &
worker=$!
trap 'kill "$server" "$worker" 2>/dev/null || true; wait "$server" "$worker" 2>/dev/null || true' INT TERM
# Ready means the health check answers, not that a process was started.
for _ in $(seq 1 600); do
  if ! kill -0 "$server" 2>/dev/null; then echo "启动失败：服务器已退出" >&2; wait "$server"; exit 1; fi
  if node -e "fetch('http://127.0.0.1:${PORT}/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then break; fi
  sleep 1
done
echo
echo "门户地址: http://localhost:${PORT}"
npx tsx scripts/seed/demo-logins.ts
echo
echo "门户已就绪（按 Ctrl+C 停止）"
wait "$server"
kill "$worker" 2>/dev/null || true
