#!/usr/bin/env bash
# System packages the test suite needs on a fresh Debian machine: Chromium for the browser tests, PostgreSQL 15
# for the store contract suite (only the binaries: tests/pg/start-cluster.sh runs a throwaway cluster), openssl
# for a throwaway certificate (tests/node-fetch.test.ts: the channels' https path).
# Idempotent: installs only what is missing. Needs root (or sudo) for apt-get.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if ! command -v chromium >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium >/dev/null
fi
chromium --version
if [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq postgresql-15 >/dev/null
fi
/usr/lib/postgresql/15/bin/postgres --version
if ! command -v openssl >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq openssl >/dev/null
fi
openssl version
