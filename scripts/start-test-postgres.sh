#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the tests on a loopback port and prints the URL to export as CLEF_TEST_POSTGRES_URL.
# initdb and pg_ctl refuse to run as root, so they run as the `postgres` user in a folder it owns.
set -euo pipefail
PORT="${CLEF_TEST_POSTGRES_PORT:-54329}"
DIR="${CLEF_TEST_POSTGRES_DIR:-/tmp/clef-test-postgres}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$BIN" ]; then
  echo "start-test-postgres: no PostgreSQL server binaries (apt-get install postgresql)" >&2
  exit 1
fi
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if ! as_postgres "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  rm -rf "$DIR"
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
  as_postgres "$BIN/initdb" -D "$DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
