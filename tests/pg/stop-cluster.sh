#!/usr/bin/env bash
# Stops the cluster tests/pg/start-cluster.sh started on the same port and removes its folder.
set -euo pipefail
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PORT="${PG_TEST_PORT:-55432}"
BASE="${PG_TEST_DIR:-/tmp/assistant-pg-$PORT}"
DATA="$BASE/data"
[ -d "$DATA" ] || exit 0
if [ "$(id -u)" = 0 ]; then
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
else
  "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
fi
rm -rf "$BASE"
