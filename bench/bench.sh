# shellcheck shell=bash
# The bench of `./dispatch bench` (bench/README.md): baselines, open-loop load, fan-out and
# fault injection against private durable services, measured in one run so that ratios
# survive a noisy machine.
#
# Sourced by ./dispatch, whose helpers it uses: say, die, defer, require_root, claim_mode,
# setup, service_base, stop_mode, free_port, start_postgres, start_rabbitmq, ensure_database,
# sql, stop_host, show_host_errors, http_ok, generate_password, and ROOT, DATA, SCRIPTS,
# API_PROJECT, SVC, PGPORT, AMQP_PORT. Its clean-up stack stops what the bench starts.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  echo "bench/bench.sh is sourced by ./dispatch: run ./dispatch bench" >&2
  exit 2
fi

BENCH_HOSTS=() # name:pid of the hosts the bench started
BENCH_DB=dispatch_bench

# bench_start_host NAME PORT ROLES: the Release build run directly (no `dotnet run` in
# between), so that its pid is the process whose memory is measured and killed.
bench_start_host() {
  local name=$1 port=$2 roles=$3 pidfile=$DATA/bench/host-$1.pid pid
  local log=$DATA/bench/host-$name.log
  local dll=$ROOT/$API_PROJECT/bin/Release/net10.0/Dispatch.Api.dll
  [[ -f $dll ]] || die "no Release build at $dll"
  say "Starting the $name host on http://127.0.0.1:$port (roles $roles, RabbitMQ)"
  (
    cd "$ROOT/$API_PROJECT" || exit
    exec env ASPNETCORE_ENVIRONMENT=Production \
      "ConnectionStrings__Dispatch=Host=127.0.0.1;Port=$PGPORT;Database=$BENCH_DB;Username=postgres" \
      Messaging__Transport=RabbitMq Messaging__RabbitMq__Host=127.0.0.1 \
      "Messaging__RabbitMq__Port=$AMQP_PORT" Messaging__RabbitMq__Username=guest \
      Messaging__RabbitMq__Password=guest Demo__Enabled=true "Demo__Password=$BENCH_PASSWORD" \
      "Frontend__Path=$ROOT/frontend/dist" "Dispatch__PhotoPath=$DATA/bench/photos" \
      "Dispatch__Roles=$roles" setsid dotnet "$dll" --urls "http://127.0.0.1:$port"
  ) >>"$log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$pidfile"
  BENCH_HOSTS+=("$name:$pid")
  defer bench_stop_host "$name"
}

bench_host_pid() { # NAME
  local entry
  for entry in "${BENCH_HOSTS[@]}"; do
    if [[ ${entry%%:*} == "$1" ]]; then echo "${entry#*:}"; fi
  done | tail -n 1
}

bench_stop_host() { # NAME [SIGNAL]
  local pid
  pid=$(bench_host_pid "$1")
  [[ -n $pid ]] || return 0
  if [[ ${2:-TERM} == KILL ]]; then
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  else
    stop_host "$pid"
  fi
  rm -f "$DATA/bench/host-$1.pid"
}

# Hosts a crashed earlier bench left behind (the pid files name them).
bench_stop_stale() {
  local file pid
  for file in "$DATA"/bench/host-*.pid; do
    [[ -f $file ]] || continue
    if pid=$(cat "$file") && [[ "$pid" =~ ^[0-9]+$ ]] && grep -qa Dispatch.Api "/proc/$pid/cmdline" 2>/dev/null; then
      stop_host "$pid"
    fi
    rm -f "$file"
  done
}

bench_wait_ready() { # NAME PORT [TIMEOUT]
  local pid deadline=$((SECONDS + ${3:-180}))
  pid=$(bench_host_pid "$1")
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      show_host_errors "$DATA/bench/host-$1.log"
      die "the $1 host exited"
    fi
    if http_ok "http://127.0.0.1:$2/health/ready"; then return 0; fi
    sleep 0.5
  done
  show_host_errors "$DATA/bench/host-$1.log"
  die "the $1 host was not ready within ${3:-180} s"
}

# The bench database through psql, for the load tool (per-stage timings) and reconciliation.
bench_write_psql() {
  local file=$DATA/bench/psql
  printf '#!/usr/bin/env bash\nexec %q psql --dir %q -- -d %q "$@"\n' \
    "$SCRIPTS/postgres.sh" "$SVC/pg" "$BENCH_DB" >"$file"
  chmod +x "$file"
  echo "$file"
}

# Room for the host's pools and pgbench side by side, and pg_stat_statements for the
# statement timings the report quotes; both need a restart.
bench_tune_postgres() {
  sql "ALTER SYSTEM SET max_connections = 300" >/dev/null
  sql "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" >/dev/null
  "$SCRIPTS/postgres.sh" stop --dir "$SVC/pg" >/dev/null
  "$SCRIPTS/postgres.sh" start --dir "$SVC/pg" --port "$PGPORT" --durable >/dev/null
}

# The statements that took the database's time since the last reset, as JSON.
bench_top_statements() { # OUTFILE
  "$BENCH_PSQL" -qtAc "SELECT coalesce(json_agg(t), '[]') FROM (
      SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query, calls,
             round(total_exec_time::numeric, 1) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms
        FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       ORDER BY total_exec_time DESC LIMIT 12) t" >"$1"
}

bench_ensure_tools() {
  local missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v pgbench >/dev/null 2>&1 || missing+=(postgresql-client)
  if ((${#missing[@]})); then
    say "Installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >/dev/null \
      || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >/dev/null; }
  fi
}

# 1. The database's own limit: case.pgbench on a scratch copy of the bench database (same
# schema, indexes, triggers and seed data), rows copied from a case the pipeline dispatched.
bench_db_baseline() { # SECONDS OUTFILE
  local scratch=${BENCH_DB}_pgbench tpl cat dep depkey outbox
  say "Baseline 1/2: the database alone (pgbench, ${1} s)"
  tpl=$("$BENCH_PSQL" -qtAc "SELECT id FROM cases WHERE state = 'Dispatched' ORDER BY reported_at LIMIT 1")
  [[ -n $tpl ]] || die "no dispatched case to copy for the database baseline (did the warm-up run?)"
  sql "DROP DATABASE IF EXISTS \"$scratch\" WITH (FORCE)"
  sql "CREATE DATABASE \"$scratch\""
  defer sql "DROP DATABASE IF EXISTS \"$scratch\" WITH (FORCE)"
  local conn=(-h 127.0.0.1 -p "$PGPORT" -U postgres)
  pg_dump "${conn[@]}" "$BENCH_DB" | psql "${conn[@]}" -q -d "$scratch" -v ON_ERROR_STOP=1 >/dev/null
  psql "${conn[@]}" -q -d "$scratch" -v tpl="$tpl" -f bench/sql/pgbench-setup.sql >"$DATA/bench/pgbench-setup.txt"
  IFS='|' read -r cat dep depkey outbox < <(psql "${conn[@]}" -d "$scratch" -qtAc \
    "SELECT c.category_id, c.department_id, c.department_key, (SELECT count(*) FROM bench_tpl_outbox)
       FROM cases c WHERE c.id = '$tpl'")
  sql "CHECKPOINT" >/dev/null
  pgbench "${conn[@]}" -n -M extended -c "${BENCH_PGBENCH_CLIENTS:-16}" -j 2 -T "$1" \
    -D cat="$cat" -D dep="$dep" -D depkey="$depkey" -D outbox="$outbox" \
    -f bench/sql/case.pgbench "$scratch" >"$2" 2>&1 || { cat "$2" >&2; die "pgbench failed"; }
  grep -E '^(tps|latency average|number of failed)' "$2" | sed 's/^/    /'
  sql "DROP DATABASE IF EXISTS \"$scratch\" WITH (FORCE)"
  sql "CHECKPOINT" >/dev/null
}

# 2. The HTTP limit: wrk against the host's trivial liveness endpoint.
bench_http_baseline() { # PORT SECONDS OUTFILE
  say "Baseline 2/2: HTTP alone (wrk GET /health/live, ${2} s)"
  wrk -t 2 -c 64 -d "${2}s" --latency "http://127.0.0.1:$1/health/live" >"$3" 2>&1 \
    || { cat "$3" >&2; die "wrk failed"; }
  grep -E 'Requests/sec|^ +(50|99)%' "$3" | sed 's/^/    /'
}

bench_load() { # COMMAND [ARGS...]
  node bench/load.mjs "$@" --password "$BENCH_PASSWORD" --psql "$BENCH_PSQL"
}

bench_run_full() { # QUICK RATES DURATION CLIENTS
  local quick=$1 rates=$2 duration=$3 clients=$4 out=$DATA/bench/run port pid
  rm -rf "$out"
  mkdir -p "$out"
  port=$(free_port 5280 "$PGPORT" "$AMQP_PORT")
  bench_start_host node "$port" web,worker
  bench_wait_ready node "$port"
  pid=$(bench_host_pid node)
  local url=http://127.0.0.1:$port drain=15 pg_seconds=20 wrk_seconds=10 fan_seconds=30
  if [[ $quick == 1 ]]; then drain=8 pg_seconds=10 wrk_seconds=5 fan_seconds=10; fi

  say "Warm-up (JIT, pools, case-number sequences; also the template case of the database baseline)"
  bench_load warmup --base "$url" --rate 20 --duration $((quick == 1 ? 5 : 15))

  bench_db_baseline "$pg_seconds" "$out/pgbench.txt"
  bench_http_baseline "$port" "$wrk_seconds" "$out/wrk.txt"

  say "Pipeline: open-loop rates $rates cases/s, ${duration} s each"
  "$BENCH_PSQL" -qtAc "SELECT pg_stat_statements_reset()" >/dev/null
  bench_load rates --base "$url" --rates "$rates" --duration "$duration" --drain "$drain" \
    --host-pid "$pid" --out "$out/rates.json"
  bench_top_statements "$out/statements.json"

  say "Waiting for the pipeline to be idle"
  bench_wait_idle $((quick == 1 ? 60 : 180))
  say "Board fan-out: $clients SignalR clients while 100 cases/s flow (${fan_seconds} s)"
  bench_load fanout --base "$url" --clients "$clients" --rate 100 --duration "$fan_seconds" \
    --drain "$drain" --host-pid "$pid" --out "$out/fanout.json"

  bench_ledger "$quick" "$url" "$pid" "$out/ledger.json"
  say "Evaluation: a quarterly report over the generated year (bench/evaluation-reports.mjs)"
  node bench/evaluation-reports.mjs --base "$url" --password "$BENCH_PASSWORD" --psql "$BENCH_PSQL" \
    --out "$out/evaluation-reports.json"

  node bench/report.mjs --pgbench "$out/pgbench.txt" --wrk "$out/wrk.txt" --rates "$out/rates.json" \
    --fanout "$out/fanout.json" --statements "$out/statements.json" --duration "$duration" \
    --ledger "$out/ledger.json" --quick "$quick" --results bench/results
}

# 5. The ledger: a generated year of cases (1,000,000; --quick 100,000), then a filtered page's
# p95 and an export of 100,000 rows (--quick 10,000), each beside a same-run count(*).
# BENCH_LEDGER_CASES and BENCH_LEDGER_EXPORT_ROWS override the two sizes.
bench_ledger() { # QUICK URL HOST_PID OUTFILE
  local n=1000000 rows=100000 started
  if [[ $1 == 1 ]]; then n=100000 rows=10000; fi
  n=${BENCH_LEDGER_CASES:-$n} rows=${BENCH_LEDGER_EXPORT_ROWS:-$rows}
  say "Ledger: generating $n cases over a year (bench/sql/ledger-generate.sql)"
  started=$SECONDS
  "$BENCH_PSQL" -q -v n="$n" -f bench/sql/ledger-generate.sql >/dev/null
  say "  generated in $((SECONDS - started)) s"
  node bench/ledger.mjs --base "$2" --password "$BENCH_PASSWORD" --psql "$BENCH_PSQL" --host-pid "$3" \
    --export-rows "$rows" --out "$4"
  say "Evaluation: a quarter's league for every department and every street over the same cases"
  node bench/evaluation.mjs --base "$2" --password "$BENCH_PASSWORD" --psql "$BENCH_PSQL" --out "${4%/*}/evaluation.json"
}

# Waits until every acknowledged case is dispatched and the outbox is empty; gives up when
# nothing moved for STALL seconds.
bench_drain() { # ACKNOWLEDGED STALL_SECONDS
  local want=$1 stall=$2 got=0 unsent=1 last="" moved=$SECONDS
  while ((SECONDS - moved < stall)); do
    got=$("$BENCH_PSQL" -qtAc "SELECT count(DISTINCT a.id) FROM bench_ack a
      JOIN case_traces t ON t.case_id = a.id AND t.action = 'dispatch'")
    unsent=$("$BENCH_PSQL" -qtAc "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL")
    if [[ $got == "$want" && $unsent == 0 ]]; then return 0; fi
    if [[ "$got/$unsent" != "$last" ]]; then last="$got/$unsent" moved=$SECONDS; fi
    sleep 1
  done
  say "Nothing moved for $stall s: $got of $want dispatched, $unsent outbox rows unsent"
}

bench_kill() { kill "$1" 2>/dev/null || true; }

# Waits for the backlog an overloaded rate left (unsent outbox rows, cases not yet through
# intake and routing) to clear, so that the next measurement starts from an idle pipeline.
bench_wait_idle() { # CAP_SECONDS
  local deadline=$((SECONDS + $1)) backlog
  while ((SECONDS < deadline)); do
    backlog=$("$BENCH_PSQL" -qtAc "SELECT (SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL)
      + (SELECT count(*) FROM cases WHERE state IN ('Reported', 'ToFile', 'ToDispatch'))")
    if [[ $backlog == 0 ]]; then return 0; fi
    sleep 1
  done
  say "The pipeline still has a backlog of $backlog outbox rows and unfinished cases"
}

BENCH_T0=0
bench_at() { # SECONDS: sleeps until that many seconds after BENCH_T0
  while ((SECONDS - BENCH_T0 < $1)); do sleep 0.2; done
}

bench_run_faults() { # QUICK RATE DURATION
  local quick=$1 rate=$2 duration=$3 out=$DATA/bench/faults web_port worker_port
  rm -rf "$out"
  mkdir -p "$out"
  web_port=$(free_port 5280 "$PGPORT" "$AMQP_PORT")
  worker_port=$(free_port $((web_port + 1)) "$PGPORT" "$AMQP_PORT" "$web_port")
  # The worker migrates and seeds; the web node waits for it.
  bench_start_host worker "$worker_port" worker
  bench_wait_ready worker "$worker_port"
  bench_start_host web "$web_port" web
  bench_wait_ready web "$web_port"
  local url=http://127.0.0.1:$web_port
  bench_load warmup --base "$url" --rate 10 --duration 3

  # The faults, at fixed fractions of the run: worker, broker, web node. Restarts do not
  # block the timeline (a broker takes seconds to start), so every fault hits flowing load.
  local t_worker=$((duration * 15 / 100)) t_broker=$((duration * 35 / 100)) t_web=$((duration * 65 / 100))
  say "Faults run: $rate cases/s for $duration s; SIGKILL the worker at ${t_worker} s, stop RabbitMQ at ${t_broker} s, SIGKILL the web node at ${t_web} s"
  bench_load faults --base "$url" --rate "$rate" --duration "$duration" \
    --acks "$out/acks.tsv" --out "$out/load.json" &
  local load_pid=$! broker_pid
  BENCH_T0=$SECONDS
  defer bench_kill "$load_pid"

  bench_at "$t_worker"
  say "fault at $((SECONDS - BENCH_T0)) s: SIGKILL the worker (restart in 2 s)"
  bench_stop_host worker KILL
  sleep 2
  bench_start_host worker "$worker_port" worker

  bench_at "$t_broker"
  say "fault at $((SECONDS - BENCH_T0)) s: stop RabbitMQ (start again at once)"
  # Stopping a node takes seconds too: both in the background, so the web node's fault
  # still comes while cases flow.
  { "$SCRIPTS/rabbitmq.sh" stop --dir "$SVC/rabbitmq" && "$SCRIPTS/rabbitmq.sh" start --dir "$SVC/rabbitmq"; } \
    >"$out/rabbitmq-restart.log" 2>&1 &
  broker_pid=$!

  bench_at "$t_web"
  say "fault at $((SECONDS - BENCH_T0)) s: SIGKILL the web node (restart in 1 s)"
  bench_stop_host web KILL
  sleep 1
  bench_start_host web "$web_port" web

  local rc=0
  wait "$load_pid" || rc=$?
  ((rc == 0)) || die "the load tool failed ($rc)"
  wait "$broker_pid" || { cat "$out/rabbitmq-restart.log" >&2; die "RabbitMQ did not start again"; }
  bench_wait_ready worker "$worker_port" 120
  bench_wait_ready web "$web_port" 120

  say "Waiting for the pipeline to drain"
  "$BENCH_PSQL" -qc "CREATE TABLE IF NOT EXISTS bench_ack (id uuid, number text, seq int); TRUNCATE bench_ack"
  "$BENCH_PSQL" -qc "\\copy bench_ack FROM '$out/acks.tsv'"
  local acked
  acked=$("$BENCH_PSQL" -qtAc "SELECT count(DISTINCT id) FROM bench_ack")
  bench_drain "$acked" 60

  local run_id
  run_id=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).runId)' "$out/load.json")
  "$BENCH_PSQL" -qtA -F ' ' -v run="bench $run_id faults #%" -f bench/sql/reconcile.sql >"$out/reconcile.txt"
  node bench/report.mjs --faults "$out/load.json" --reconcile "$out/reconcile.txt" --rate "$rate" \
    --duration "$duration" --quick "$quick" --results bench/results
}

bench_main() {
  local quick=0 faults=0 rates="" duration="" clients=2000 rate=50
  while (($#)); do
    case "$1" in
      --quick) quick=1; shift ;;
      --faults) faults=1; shift ;;
      --rates) rates=${2:?--rates needs a list like 100,300}; shift 2 ;;
      --duration) duration=${2:?--duration needs seconds}; shift 2 ;;
      --clients) clients=${2:?--clients needs a number}; shift 2 ;;
      --rate) rate=${2:?--rate needs cases per second}; shift 2 ;;
      *) die "unknown option for bench: $1 (see ./dispatch help)" ;;
    esac
  done
  if [[ $faults == 1 ]]; then
    duration=${duration:-$((quick == 1 ? 30 : 60))}
  else
    rates=${rates:-$([[ $quick == 1 ]] && echo 10,25,50,100,300 || echo 10,25,50,100,300,1000,3000)}
    duration=${duration:-$((quick == 1 ? 10 : 30))}
  fi
  require_root
  claim_mode bench
  setup Release
  bench_ensure_tools
  ulimit -n 65536 2>/dev/null || true # 2,000 board clients and their server side
  local base
  base=$(service_base)
  SVC=$base/bench
  bench_stop_stale
  stop_mode "$base" bench
  mkdir -p "$DATA/bench"
  start_postgres --durable --fresh
  bench_tune_postgres
  start_rabbitmq --fresh
  ensure_database "$BENCH_DB"
  BENCH_PASSWORD=${DISPATCH_DEMO_PASSWORD:-$(generate_password)}
  BENCH_PSQL=$(bench_write_psql)
  "$BENCH_PSQL" -qc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
  if [[ $faults == 1 ]]; then
    bench_run_faults "$quick" "$rate" "$duration"
  else
    bench_run_full "$quick" "$rates" "$duration" "$clients"
  fi
}
