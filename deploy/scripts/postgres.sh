#!/usr/bin/env bash
# A private PostgreSQL cluster, started and stopped as the `postgres` user.
#
#   postgres.sh start  --dir DIR [--port PORT] [--durable] [--fresh]
#   postgres.sh stop   --dir DIR
#   postgres.sh status --dir DIR
#   postgres.sh psql   --dir DIR [-- PSQL-ARGS...]   (as the postgres role, database postgres)
#
# DIR holds everything: data/ (the cluster), postgres.log, the Unix socket and `port`
# (the port of the last start, so `status` can report it). DIR is created and given to
# the postgres user; every directory above it must be traversable by that user.
# Without --durable the cluster trades crash safety for speed (fsync off), which suits
# tests and demos; --fresh wipes the cluster before starting. Idempotent: starting a
# running cluster and stopping a stopped one succeed.
# Must run as root (initdb refuses root, so everything runs through runuser).
set -euo pipefail

PG_USER=postgres
DEFAULT_PORT=55432

die() { echo "postgres.sh: $*" >&2; exit 1; }

pg_bin() {
  if [[ -n "${DISPATCH_PG_BIN:-}" ]]; then echo "$DISPATCH_PG_BIN"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n "$dir" ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)"
  echo "$dir"
}

# Runs a command as the postgres user from inside DIR, so the server never inherits a
# working directory it cannot read.
as_pg() { (cd "$DIR" && runuser -u "$PG_USER" -- "$@"); }

is_running() {
  [[ -f "$DIR/data/PG_VERSION" ]] && as_pg "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1
}

cmd_start() {
  mkdir -p "$DIR"
  chown "$PG_USER:" "$DIR"
  chmod 700 "$DIR"
  runuser -u "$PG_USER" -- test -x "$DIR" \
    || die "user $PG_USER cannot reach $DIR (a parent directory is not traversable)"

  if is_running; then
    if [[ $FRESH == 1 ]]; then
      cmd_stop
    else
      echo "postgres.sh: already running in $DIR on port $(cat "$DIR/port" 2>/dev/null || echo '?')"
      return 0
    fi
  fi
  if [[ $FRESH == 1 ]]; then rm -rf "$DIR/data"; fi

  if [[ ! -f "$DIR/data/PG_VERSION" ]]; then
    rm -rf "$DIR/data"
    as_pg "$BIN/initdb" -D "$DIR/data" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 \
      --no-sync >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
  fi

  # A Unix socket path may not exceed 107 bytes; a deep checkout falls back to /tmp,
  # where the port number keeps the socket name unique.
  local socket_dir=$DIR
  if (( ${#DIR} > 80 )); then socket_dir=/tmp; fi

  local opts="-p $PORT -k $socket_dir -c listen_addresses=127.0.0.1"
  if [[ $DURABLE == 0 ]]; then
    opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  echo "$PORT" >"$DIR/port"
  if ! as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/postgres.log" -o "$opts" -w -t 60 start \
      >/dev/null </dev/null; then
    tail -n 30 "$DIR/postgres.log" >&2 || true
    die "PostgreSQL did not start (log: $DIR/postgres.log)"
  fi
  echo "postgres.sh: running in $DIR on port $PORT"
}

cmd_stop() {
  [[ -d "$DIR" ]] || return 0
  if is_running; then
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast -w -t 60 stop >/dev/null </dev/null \
      || die "PostgreSQL in $DIR did not stop"
    echo "postgres.sh: stopped $DIR"
  fi
}

cmd_psql() {
  is_running || die "not running ($DIR)"
  "$BIN/psql" -h 127.0.0.1 -p "$(cat "$DIR/port")" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    "${PSQL_ARGS[@]}"
}

cmd_status() {
  if is_running; then
    echo "postgres.sh: running in $DIR on port $(cat "$DIR/port" 2>/dev/null || echo '?')"
  else
    echo "postgres.sh: not running ($DIR)"
    return 3
  fi
}

ACTION=${1:-}
shift || true
DIR="" PORT=$DEFAULT_PORT DURABLE=0 FRESH=0 PSQL_ARGS=()
while (( $# )); do
  case "$1" in
    --) shift; PSQL_ARGS=("$@"); break ;;
    --dir) DIR=${2:?--dir needs a value}; shift 2 ;;
    --port) PORT=${2:?--port needs a value}; shift 2 ;;
    --durable) DURABLE=1; shift ;;
    --fresh) FRESH=1; shift ;;
    *) die "unknown argument: $1" ;;
  esac
done
[[ -n "$DIR" ]] || die "usage: postgres.sh start|stop|status --dir DIR [--port PORT] [--durable] [--fresh]"
[[ $EUID == 0 ]] || die "must run as root"
DIR=$(realpath -m "$DIR")
BIN=$(pg_bin)

case "$ACTION" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  psql) cmd_psql ;;
  *) die "unknown action '$ACTION' (start|stop|status|psql)" ;;
esac
