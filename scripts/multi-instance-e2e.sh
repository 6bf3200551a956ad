#!/usr/bin/env bash
# Two production instances (`next start`) on one PostgreSQL database behind nginx (round robin), as a
# province would run them, then tests/multi/*.spec.ts through them: a code sent by one instance is accepted
# by the other, a file uploaded through one is downloaded through the other, the per-phone code limit
# counts requests to both, a submit retried on the other instance gives one application.
# Needs PG_TEST_URL (a server; scripts/test.sh starts one) and a production build (.next). Installs
# Debian's nginx when missing. Everything it starts is stopped and removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
: "${PG_TEST_URL:?PG_TEST_URL must name a PostgreSQL server (scripts/pg-test-server.sh start)}"
export NEXT_TELEMETRY_DISABLED=1

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "==> 安装 Debian 的 nginx"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

tmp=$(mktemp -d /tmp/portal-multi.XXXXXX)
chmod 755 "$tmp"
pids=()
cleanup() {
  set +e
  [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null
  for p in "${pids[@]}"; do kill -- -"$p" 2>/dev/null; done
  for _ in $(seq 1 20); do
    alive=0; for p in "${pids[@]}"; do kill -0 -- -"$p" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break; sleep 0.5
  done
  for p in "${pids[@]}"; do kill -9 -- -"$p" 2>/dev/null; done
  [ -n "${url:-}" ] && node scripts/pg-create-db.mjs --drop "$url"
  cp "$tmp"/*.log "$root/test-results/" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
key() { node -e "console.log(require('node:crypto').randomBytes(32).toString('base64url'))"; }

url=$(node scripts/pg-create-db.mjs "$PG_TEST_URL" portal_multi)

# Both instances share the database, the keys and the session secret; files live in the database
# (FILE_STORAGE=database), so no shared disk is needed.
export NODE_ENV=production DATABASE_URL="$url" FILE_STORAGE=database SMS_PROVIDER=demo DEMO_MODE=1 UPLOAD_DIR="$tmp/unused-uploads"
export AUTH_SECRET="$(key)" DATA_ENCRYPTION_KEY="$(key)" DATA_HMAC_KEY="$(key)"
npx tsx db/migrate.ts
npx tsx --conditions=react-server scripts/seed/seed.ts > "$tmp/seed.log"

a=$(free_port); b=$(free_port); n=$(free_port)
while [ "$b" = "$a" ]; do b=$(free_port); done
while [ "$n" = "$a" ] || [ "$n" = "$b" ]; do n=$(free_port); done
setsid npx next start -p "$a" -H 127.0.0.1 > "$tmp/instance-a.log" 2>&1 < /dev/null & pids+=($!)
setsid npx next start -p "$b" -H 127.0.0.1 > "$tmp/instance-b.log" 2>&1 < /dev/null & pids+=($!)

user_line=""; [ "$(id -u)" -eq 0 ] && user_line="user root;"
mkdir -p "$tmp/nginx-temp"
cat > "$tmp/nginx.conf" <<NGINX
$user_line
worker_processes 1;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log warn;
daemon on;
events { worker_connections 256; }
http {
  log_format upstream '\$request_method \$uri \$status upstream=\$upstream_addr';
  access_log $tmp/nginx-access.log upstream;
  client_body_temp_path $tmp/nginx-temp/body;
  proxy_temp_path $tmp/nginx-temp/proxy;
  fastcgi_temp_path $tmp/nginx-temp/fastcgi;
  uwsgi_temp_path $tmp/nginx-temp/uwsgi;
  scgi_temp_path $tmp/nginx-temp/scgi;
  client_max_body_size 12m;
  upstream portal {
    server 127.0.0.1:$a;
    server 127.0.0.1:$b;
  }
  server {
    listen 127.0.0.1:$n;
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # Round robin on every request, also when an instance answers an error: no retry elsewhere.
      proxy_next_upstream off;
    }
  }
}
NGINX
"$NGINX" -c "$tmp/nginx.conf" -p "$tmp"

# Ready means each address answers its health check (not a sleep); bounded generously.
for target in "127.0.0.1:$a" "127.0.0.1:$b" "127.0.0.1:$n"; do
  ok=0
  for _ in $(seq 1 300); do
    if curl -fsS "http://$target/api/health" >/dev/null 2>&1; then ok=1; break; fi
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null || { echo "multi: an instance stopped:"; tail -20 "$tmp"/instance-*.log; exit 1; }; done
    sleep 1
  done
  [ "$ok" -eq 1 ] || { echo "multi: $target never became healthy"; exit 1; }
done
echo "multi: instances on $a and $b, nginx on $n"

MULTI_URL="http://127.0.0.1:$n" INSTANCE_A="http://127.0.0.1:$a" INSTANCE_B="http://127.0.0.1:$b" NGINX_LOG="$tmp/nginx-access.log" \
  npx playwright test -c playwright.multi.config.ts
