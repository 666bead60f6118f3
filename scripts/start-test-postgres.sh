#!/usr/bin/env bash
# Starts (or reuses) a throwaway PostgreSQL cluster for the tests: owned by the `postgres` user,
# trust authentication, a private port and socket directory, data under /tmp. Idempotent: a
# cluster already answering is left alone. Prints the URL to export as MAILPAT_TEST_POSTGRES_URL.
#   MAILPAT_TEST_PG_PORT (55432), MAILPAT_TEST_PG_DATA (/tmp/mailpat-pgdata),
#   MAILPAT_TEST_PG_SOCKET (/tmp/mailpat-pgsock) override the defaults.
set -euo pipefail

port="${MAILPAT_TEST_PG_PORT:-55432}"
data="${MAILPAT_TEST_PG_DATA:-/tmp/mailpat-pgdata}"
socket="${MAILPAT_TEST_PG_SOCKET:-/tmp/mailpat-pgsock}"
url="postgres://postgres@127.0.0.1:${port}/postgres"

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  echo "start-test-postgres: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 1
fi

# Runs a command as the postgres user (initdb and the server refuse to run as root).
as_postgres() {
  if [[ "$(id -un)" == postgres ]]; then
    "$@"
  else
    su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
  fi
}

if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  echo "$url"
  exit 0
fi

mkdir -p "$socket"
chown postgres:postgres "$socket" 2>/dev/null || true
if [[ ! -f "$data/PG_VERSION" ]]; then
  mkdir -p "$data"
  chown postgres:postgres "$data" 2>/dev/null || true
  chmod 700 "$data"
  as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >/dev/null
fi
# Tests only: durability is not needed, speed is.
as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
  -o "-p $port -k $socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
echo "$url"
