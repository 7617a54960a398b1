#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests and CI: trust auth, listening on loopback only, on a spare port.
# Prints the DATABASE_URL of its `postgres` database on stdout (everything else goes to stderr), so
#   export TEST_DATABASE_URL="$(bash tests/pg/start-cluster.sh)"
# Starting a cluster that is already running just prints its URL again. Stop it with tests/pg/stop-cluster.sh.
# As root, initdb and pg_ctl run as the `postgres` user (PostgreSQL refuses to run as root); as anyone else,
# as that user.
set -euo pipefail
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PORT="${PG_TEST_PORT:-55432}"
BASE="${PG_TEST_DIR:-/tmp/assistant-pg-$PORT}"
DATA="$BASE/data"
SOCKETS="$BASE/sockets"
URL="postgres://postgres@127.0.0.1:$PORT/postgres"

if [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ]; then
  echo "start-cluster: no PostgreSQL binaries in $PG_BIN (Debian: apt-get install -y postgresql-15)" >&2
  exit 3
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "start-cluster: running as root but there is no postgres user to run the server as" >&2; exit 3; }
  install -d -o postgres -g postgres -m 700 "$BASE" "$SOCKETS"
else
  install -d -m 700 "$BASE" "$SOCKETS"
fi

if as_owner "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  echo "$URL"
  exit 0
fi

if [ ! -f "$DATA/PG_VERSION" ]; then
  # C.UTF-8: UTF-8 text (Vietnamese) with byte-order collation, the order SQLite and D1 sort text in.
  as_owner "$PG_BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$BASE/initdb.log" 2>&1 \
    || { cat "$BASE/initdb.log" >&2; exit 1; }
fi

# fsync off: a test cluster is thrown away, so durability buys nothing and costs seconds.
as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$BASE/server.log" -w -t 30 \
  -o "-p $PORT -k $SOCKETS -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >&2 || { cat "$BASE/server.log" >&2; exit 1; }
echo "$URL"
