#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests, on a loopback port, owned by an
# unprivileged user (initdb refuses root: as root it runs as `postgres`, the user Debian's
# package creates). Trust authentication on 127.0.0.1 only; the data lives in a
# temporary directory that `stop` removes.
#
#   eval "$(tests/postgres/cluster.sh start)"   # exports SENTRA_TEST_POSTGRES_URL, SENTRA_TEST_POSTGRES_DIR
#   tests/postgres/cluster.sh stop "$SENTRA_TEST_POSTGRES_DIR"
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bindir" ] && [ -x "$bindir/initdb" ] || { echo "no PostgreSQL server found (Debian package postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
  dir=$(mktemp -d /tmp/sentra-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_owner "$bindir/initdb" -D "$dir/data" -U sentra --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "export SENTRA_TEST_POSTGRES_URL=postgres://sentra@127.0.0.1:$port/postgres"
  echo "export SENTRA_TEST_POSTGRES_DIR=$dir"
  ;;
stop)
  dir=${2:?usage: cluster.sh stop DIR}
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: cluster.sh start | stop DIR" >&2
  exit 2
  ;;
esac
