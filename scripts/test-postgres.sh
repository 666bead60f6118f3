#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: owned by the `postgres` user, trust
# authentication, a private port and socket directory, data under /tmp.
#   test-postgres.sh start    starts it (initdb on first use; a cluster already answering is left
#                             alone) and prints the URL to export as MAILPAT_TEST_POSTGRES_URL
#   test-postgres.sh stop     stops it (fast shutdown: sessions are cut, committed data stays)
#   test-postgres.sh crash    kills it as a crash would (immediate shutdown: the next start
#                             replays the WAL)
#   test-postgres.sh destroy  stops it and deletes its data directory
# MAILPAT_TEST_PG_PORT (55432), MAILPAT_TEST_PG_DATA (/tmp/mailpat-pgdata) and
# MAILPAT_TEST_PG_SOCKET (/tmp/mailpat-pgsock) choose another cluster, e.g. a private one that a
# test stops and starts.
set -euo pipefail

action="${1:-start}"
port="${MAILPAT_TEST_PG_PORT:-55432}"
data="${MAILPAT_TEST_PG_DATA:-/tmp/mailpat-pgdata}"
socket="${MAILPAT_TEST_PG_SOCKET:-/tmp/mailpat-pgsock}"
url="postgres://postgres@127.0.0.1:${port}/postgres"

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  echo "test-postgres: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
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

start() {
  if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    echo "$url"
    return
  fi
  mkdir -p "$socket"
  chown postgres:postgres "$socket" 2>/dev/null || true
  if [[ ! -f "$data/PG_VERSION" ]]; then
    mkdir -p "$data"
    chown postgres:postgres "$data" 2>/dev/null || true
    chmod 700 "$data"
    as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 \
      --locale=C.UTF-8 >/dev/null
  fi
  # fsync=off: tests survive a killed server (the OS keeps what was written), not a machine
  # crash, and run much faster. Commits stay synchronous, so an acknowledged write is on disk
  # as far as a stopped server is concerned (the outage test relies on that).
  as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-p $port -k $socket -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null
  echo "$url"
}

stop() {
  if [[ -f "$data/postmaster.pid" ]]; then
    as_postgres "$bin/pg_ctl" -D "$data" -m "$1" -w -t 60 stop >/dev/null
  fi
}

case "$action" in
  start) start ;;
  stop) stop fast ;;
  crash) stop immediate ;;
  destroy)
    stop immediate
    rm -rf "$data"
    ;;
  *)
    echo "usage: test-postgres.sh start|stop|crash|destroy" >&2
    exit 2
    ;;
esac
