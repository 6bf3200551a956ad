#!/usr/bin/env bash
# A throw-away PostgreSQL 15 server for tests: a temporary folder, a free loopback port, trust auth on
# 127.0.0.1 only, fsync off. Each `start` makes a new server (several may run at once).
#
#   eval "$(scripts/pg-test-server.sh start)"          # prints export lines: PG_TEST_URL, PG_TEST_DIR, PG_TEST_PORT
#   trap 'scripts/pg-test-server.sh stop "$PG_TEST_DIR"' EXIT
#   ... PG_TEST_URL=postgres://postgres@127.0.0.1:PORT/portal_test npx vitest run tests/unit/db
#   scripts/pg-test-server.sh stop "$PG_TEST_DIR"       # pg_ctl stop -m fast, removes the folder; always exits 0
#
# Or sourced, which exports the same variables into the calling shell:
#   source scripts/pg-test-server.sh start
#   source scripts/pg-test-server.sh stop              # DIR defaults to $PG_TEST_DIR; unsets the variables
#
# `start` reuses the server already named by $PG_TEST_DIR when it is still answering (so a second `start`
# in the same shell does not leak a server); stop it first to get a fresh one. Logs go to stderr, the export
# lines alone to stdout. Needs root or sudo only to install PostgreSQL (apt-get) when it is missing; as root
# the server runs as the `postgres` user.

_pgts_marker=.portal-pg-test-server

_pgts_log() { echo "pg-test-server: $*" >&2; }

# Puts initdb, pg_ctl, pg_isready, createdb on PATH, installing Debian's postgresql when none is found.
_pgts_find_bin() {
  local d
  if ! command -v initdb >/dev/null 2>&1; then
    if [ ! -x /usr/lib/postgresql/15/bin/initdb ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
      _pgts_log "initdb not found: installing postgresql with apt-get"
      local sudo=""
      [ "$(id -u)" -ne 0 ] && sudo="sudo"
      $sudo apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
    fi
    for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
      if [ -x "$d/initdb" ]; then PATH="$d:$PATH"; break; fi
    done
  fi
  # Debian puts only wrappers for the client tools on PATH; the server tools live next to initdb.
  d=$(dirname "$(readlink -f "$(command -v initdb)")")
  PATH="$d:$PATH"
  command -v initdb >/dev/null && command -v pg_ctl >/dev/null && command -v pg_isready >/dev/null
}

# Runs a server tool as the owner of the data folder: `postgres` when we are root (initdb refuses root).
_pgts_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- env PATH="$PATH" "$@"; else "$@"; fi
}

_pgts_free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

_pgts_exports() {
  printf 'export PG_TEST_URL=%q\n' "postgres://postgres@127.0.0.1:$2/portal_test"
  printf 'export PG_TEST_DIR=%q\n' "$1"
  printf 'export PG_TEST_PORT=%q\n' "$2"
}

_pgts_start() (
  set -euo pipefail
  _pgts_find_bin || { _pgts_log "PostgreSQL server binaries not found"; exit 1; }

  if [ -n "${PG_TEST_DIR:-}" ] && [ -f "$PG_TEST_DIR/$_pgts_marker" ] && [ -f "$PG_TEST_DIR/port" ]; then
    port=$(cat "$PG_TEST_DIR/port")
    if pg_isready -q -h 127.0.0.1 -p "$port" -U postgres -d portal_test; then
      _pgts_log "reusing the server in $PG_TEST_DIR (port $port)"
      _pgts_exports "$PG_TEST_DIR" "$port"
      exit 0
    fi
  fi

  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    _pgts_log "running as root but there is no 'postgres' user to run the server as"
    exit 1
  fi

  dir=$(mktemp -d "${TMPDIR:-/tmp}/portal-pg.XXXXXX")
  cd "$dir" # the postgres user may not be allowed into the caller's folder
  touch "$dir/$_pgts_marker"
  mkdir "$dir/sock"
  [ "$(id -u)" -eq 0 ] && chown -R postgres: "$dir"
  # From here on a failure removes what was made.
  trap 'rc=$?; [ $rc -ne 0 ] && { _pgts_as_owner pg_ctl -D "$dir/data" stop -m immediate >/dev/null 2>&1; rm -rf "$dir"; }; exit $rc' EXIT

  _pgts_as_owner initdb -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale -N >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; _pgts_log "initdb failed"; exit 1; }
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = '$dir/sock'"
    echo "fsync = off"
    echo "synchronous_commit = off"
    echo "full_page_writes = off"
    echo "max_connections = 50"
  } >>"$dir/data/postgresql.conf"

  # The free port can be taken between the probe and the bind: then try another.
  ready=""
  for attempt in 1 2 3 4 5; do
    port=$(_pgts_free_port)
    : >"$dir/postgres.log"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/postgres.log"
    _pgts_as_owner pg_ctl -D "$dir/data" -l "$dir/postgres.log" -o "-p $port" -W start >/dev/null
    deadline=$((SECONDS + 120))
    while [ "$SECONDS" -lt "$deadline" ]; do
      if pg_isready -q -h 127.0.0.1 -p "$port" -U postgres -d postgres; then ready=1; break; fi
      # Only a lost port ends this attempt early. "FATAL: the database system is starting up" is the normal
      # answer to a probe that comes too soon, so FATAL alone means nothing here.
      if grep -q -E 'could not bind|could not create listen socket' "$dir/postgres.log" 2>/dev/null; then break; fi
      if ! _pgts_as_owner pg_ctl -D "$dir/data" status >/dev/null 2>&1 && [ "$SECONDS" -gt $((deadline - 115)) ]; then break; fi
      sleep 0.2
    done
    [ -n "$ready" ] && break
    _pgts_log "attempt $attempt on port $port failed:"
    tail -n 20 "$dir/postgres.log" >&2 || true
    _pgts_as_owner pg_ctl -D "$dir/data" stop -m immediate >/dev/null 2>&1 || true
    grep -q 'could not bind\|could not create listen socket' "$dir/postgres.log" || break
  done
  [ -n "$ready" ] || { _pgts_log "the server did not become ready"; exit 1; }

  echo "$port" >"$dir/port"
  createdb -h 127.0.0.1 -p "$port" -U postgres portal_test
  _pgts_log "PostgreSQL $(pg_ctl --version | sed 's/^pg_ctl (PostgreSQL) //') ready on 127.0.0.1:$port, data in $dir"
  _pgts_exports "$dir" "$port"
)

_pgts_stop() (
  dir=${1:-${PG_TEST_DIR:-}}
  if [ -z "$dir" ]; then _pgts_log "stop: no folder given and PG_TEST_DIR is not set"; exit 0; fi
  if [ ! -d "$dir" ]; then _pgts_log "stop: $dir is already gone"; exit 0; fi
  if [ ! -f "$dir/$_pgts_marker" ]; then _pgts_log "stop: $dir was not made by this script; left alone"; exit 0; fi
  _pgts_find_bin >/dev/null 2>&1 || true
  cd "$dir" || exit 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    _pgts_as_owner pg_ctl -D "$dir/data" stop -m fast -t 60 >/dev/null 2>&1 \
      || _pgts_as_owner pg_ctl -D "$dir/data" stop -m immediate >/dev/null 2>&1 \
      || _pgts_log "stop: pg_ctl stop failed (see $dir/postgres.log)"
  fi
  cd / && rm -rf "$dir" || true
  _pgts_log "stopped and removed $dir"
  exit 0
)

_pgts_usage() { echo "usage: $0 start | stop [DIR]   (or: source $0 start|stop)" >&2; }

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  # Sourced: act on the calling shell's variables, never exit it.
  case "${1:-}" in
    start)
      if _pgts_out=$(_pgts_start); then eval "$_pgts_out"; unset _pgts_out; else unset _pgts_out; _pgts_log "start failed"; false; fi
      ;;
    stop)
      _pgts_stop "${2:-${PG_TEST_DIR:-}}"
      unset PG_TEST_URL PG_TEST_DIR PG_TEST_PORT
      ;;
    *) _pgts_usage ;;
  esac
else
  case "${1:-}" in
    start) _pgts_start ;;
    stop) _pgts_stop "${2:-}" ;;
    *) _pgts_usage; exit 2 ;;
  esac
fi
