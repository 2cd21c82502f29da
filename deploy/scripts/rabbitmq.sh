#!/usr/bin/env bash
# A private RabbitMQ node, started and stopped as the `rabbitmq` user.
#
#   rabbitmq.sh start  --dir DIR [--port AMQP] [--dist-port P] [--epmd-port P] [--fresh]
#   rabbitmq.sh stop   --dir DIR
#   rabbitmq.sh status --dir DIR
#
# DIR holds everything the node writes: mnesia/, log/, the pid file, an empty plugins
# file, its own config files (so nothing in /etc/rabbitmq applies) and its own Erlang
# cookie (HOME points at DIR for the node and for rabbitmqctl alike). The node runs with
# a private epmd on its own port, so stopping it never disturbs another node's epmd.
# The ports of the last start are kept in DIR/node.env: a later `start` without port
# options reuses them, which lets fault tests stop and restart the broker in place.
# --fresh wipes the node's data before starting. Idempotent like postgres.sh.
# Must run as root.
set -euo pipefail

MQ_USER=rabbitmq
MQ_BIN=/usr/lib/rabbitmq/bin

die() { echo "rabbitmq.sh: $*" >&2; exit 1; }

load_ports() {
  # node.env is written by this script only: plain KEY=number lines.
  if [[ -f "$DIR/node.env" ]]; then
    local key value
    while IFS='=' read -r key value; do
      case "$key" in
        AMQP_PORT) : "${ARG_AMQP:=$value}" ;;
        DIST_PORT) : "${ARG_DIST:=$value}" ;;
        EPMD_PORT) : "${ARG_EPMD:=$value}" ;;
      esac
    done <"$DIR/node.env"
  fi
  AMQP_PORT=${ARG_AMQP:-55672}
  DIST_PORT=${ARG_DIST:-$((AMQP_PORT + 10))}
  EPMD_PORT=${ARG_EPMD:-54369}
  NODENAME="dispatch-$AMQP_PORT@localhost"
}

# Runs a RabbitMQ command as the rabbitmq user with this node's private environment.
as_mq() {
  (cd "$DIR" && runuser -u "$MQ_USER" -- env \
    HOME="$DIR" \
    RABBITMQ_NODENAME="$NODENAME" \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$AMQP_PORT" \
    RABBITMQ_DIST_PORT="$DIST_PORT" \
    RABBITMQ_MNESIA_BASE="$DIR/mnesia" \
    RABBITMQ_LOG_BASE="$DIR/log" \
    RABBITMQ_PID_FILE="$DIR/rabbitmq.pid" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$DIR/enabled_plugins" \
    RABBITMQ_CONFIG_FILE="$DIR/rabbitmq.conf" \
    RABBITMQ_ADVANCED_CONFIG_FILE="$DIR/advanced.config" \
    RABBITMQ_CONF_ENV_FILE="$DIR/rabbitmq-env.conf" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    ERL_EPMD_PORT="$EPMD_PORT" \
    ERL_EPMD_ADDRESS=127.0.0.1 \
    "$@")
}

node_pid() {
  local pid
  pid=$(cat "$DIR/rabbitmq.pid" 2>/dev/null) || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# The epmd daemon this node started: it inherited the node's environment, so its
# RABBITMQ_PID_FILE names this DIR. (Scans /proc: procps is not always installed.)
own_epmd_pids() {
  local proc comm
  for proc in /proc/[0-9]*; do
    { read -r comm <"$proc/comm"; } 2>/dev/null || continue
    [[ "$comm" == epmd ]] || continue
    if grep -qaxz "RABBITMQ_PID_FILE=$DIR/rabbitmq.pid" "$proc/environ" 2>/dev/null; then
      echo "${proc#/proc/}"
    fi
  done
}

prepare_dir() {
  mkdir -p "$DIR/mnesia" "$DIR/log"
  : >"$DIR/enabled_plugins"
  : >"$DIR/rabbitmq-env.conf"
  cat >"$DIR/rabbitmq.conf" <<'CONF'
# Written by deploy/scripts/rabbitmq.sh for a private node; the environment sets ports.
log.console = false
log.file.level = info
CONF
  if [[ ! -s "$DIR/.erlang.cookie" ]]; then
    local cookie
    cookie=$(head -c 256 /dev/urandom | base64 -w0 | tr -dc "A-Z")
    printf "%s" "${cookie:0:20}" >"$DIR/.erlang.cookie"
  fi
  chmod 400 "$DIR/.erlang.cookie"
  chown -R "$MQ_USER:" "$DIR"
  chmod 750 "$DIR"
  runuser -u "$MQ_USER" -- test -x "$DIR" \
    || die "user $MQ_USER cannot reach $DIR (a parent directory is not traversable)"
}

cmd_start() {
  [[ -x "$MQ_BIN/rabbitmq-server" ]] || die "rabbitmq-server not installed (apt-get install rabbitmq-server)"
  mkdir -p "$DIR"
  if node_pid >/dev/null; then
    if [[ $FRESH == 0 ]]; then
      echo "rabbitmq.sh: already running in $DIR (node $NODENAME, AMQP port $AMQP_PORT)"
      return 0
    fi
    cmd_stop
  fi
  if [[ $FRESH == 1 ]]; then rm -rf "$DIR/mnesia" "$DIR/log"; fi
  prepare_dir
  printf 'AMQP_PORT=%s\nDIST_PORT=%s\nEPMD_PORT=%s\n' "$AMQP_PORT" "$DIST_PORT" "$EPMD_PORT" >"$DIR/node.env"
  rm -f "$DIR/rabbitmq.pid"

  as_mq "$MQ_BIN/rabbitmq-server" -detached >"$DIR/log/startup.log" 2>&1 </dev/null \
    || { cat "$DIR/log/startup.log" >&2; die "rabbitmq-server failed to launch"; }
  if ! as_mq "$MQ_BIN/rabbitmqctl" wait --timeout 90 "$DIR/rabbitmq.pid" >>"$DIR/log/startup.log" 2>&1 </dev/null; then
    tail -n 30 "$DIR/log/startup.log" >&2 || true
    cmd_stop || true
    die "RabbitMQ did not start (logs: $DIR/log)"
  fi
  echo "rabbitmq.sh: running in $DIR (node $NODENAME, AMQP port $AMQP_PORT)"
}

cmd_stop() {
  [[ -d "$DIR" ]] || return 0
  local pid stopped=0 names
  if pid=$(node_pid); then
    as_mq "$MQ_BIN/rabbitmqctl" stop "$DIR/rabbitmq.pid" >>"$DIR/log/stop.log" 2>&1 </dev/null || true
    # rabbitmqctl waits for the process; if it could not reach the node, end it by pid.
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
    stopped=1
  fi
  rm -f "$DIR/rabbitmq.pid"
  # Stop the node's epmd too, unless some other node has registered with it since.
  names=$(ERL_EPMD_PORT=$EPMD_PORT epmd -names 2>/dev/null || true)
  if [[ "$names" != *"name "* ]]; then
    for pid in $(own_epmd_pids); do kill -TERM "$pid" 2>/dev/null || true; done
  fi
  if [[ $stopped == 1 ]]; then echo "rabbitmq.sh: stopped $DIR"; fi
}

cmd_status() {
  if node_pid >/dev/null; then
    echo "rabbitmq.sh: running in $DIR (node $NODENAME, AMQP port $AMQP_PORT)"
  else
    echo "rabbitmq.sh: not running ($DIR)"
    return 3
  fi
}

ACTION=${1:-}
shift || true
DIR="" ARG_AMQP="" ARG_DIST="" ARG_EPMD="" FRESH=0
while (( $# )); do
  case "$1" in
    --dir) DIR=${2:?--dir needs a value}; shift 2 ;;
    --port) ARG_AMQP=${2:?--port needs a value}; shift 2 ;;
    --dist-port) ARG_DIST=${2:?--dist-port needs a value}; shift 2 ;;
    --epmd-port) ARG_EPMD=${2:?--epmd-port needs a value}; shift 2 ;;
    --fresh) FRESH=1; shift ;;
    *) die "unknown argument: $1" ;;
  esac
done
[[ -n "$DIR" ]] || die "usage: rabbitmq.sh start|stop|status --dir DIR [--port AMQP] [--dist-port P] [--epmd-port P] [--fresh]"
[[ $EUID == 0 ]] || die "must run as root"
DIR=$(realpath -m "$DIR")
# Ports given on the command line win; otherwise those of the last start; then defaults.
load_ports

case "$ACTION" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) die "unknown action '$ACTION' (start|stop|status)" ;;
esac
