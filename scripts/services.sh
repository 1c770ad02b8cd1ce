#!/usr/bin/env bash
# Starts and stops the embedded services: a private PostgreSQL cluster and the
# Temporal dev server (state in a SQLite file, web UI on 8233), or instead the
# production-shaped Temporal cluster (two server nodes on PostgreSQL, `temporal-cluster`);
# the demo's mail server (SMTP on 2525, messages kept under .data/mail, read them at
# http://localhost:8025), the worker, the mail relay (sends the worker's notices) and
# the API with the portal (http://localhost:3000).
#   scripts/services.sh start [postgres|temporal|temporal-cluster|mail|worker|relay|api|all]   (default all)
#   scripts/services.sh stop  [postgres|temporal|temporal-cluster|mail|worker|relay|api|all]
# Each start is idempotent and returns only once the service answers.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

PG_BIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -1)")"

# initdb refuses to run as root, so as root the cluster belongs to `postgres`;
# its folder must then be reachable by that user (a checkout under /root is not).
pg_user() { if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi; }
pg_run() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; else "$@"; fi
}
pg_data_dir() {
  mkdir -p "$DATA_DIR" && chmod 755 "$DATA_DIR"
  local dir="$DATA_DIR/postgres"
  if [ "$(id -u)" -eq 0 ] && ! su postgres -s /bin/bash -c "test -x '$DATA_DIR'" 2>/dev/null; then
    dir="/var/lib/plan-eval/$(echo "$REPO_ROOT" | sha256sum | cut -c1-12)/postgres"
  fi
  echo "$dir"
}

start_postgres() {
  [ -n "$PG_BIN" ] || die "PostgreSQL is not installed: run scripts/tools.sh"
  local data; data="$(pg_data_dir)"
  if pg_run "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then return; fi
  mkdir -p "$data"
  [ "$(id -u)" -eq 0 ] && chown "$(pg_user)" "$data" && chmod 700 "$data"
  if [ ! -f "$data/PG_VERSION" ]; then
    log "creating PostgreSQL cluster in $data"
    pg_run "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  log "starting PostgreSQL on port $PG_PORT"
  # Connections: the apps and the tests' throw-away databases, and the Temporal clusters the tests
  # start beside them (up to about 100 each: deploy/temporal/config.yaml).
  pg_run "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400" start >/dev/null
  wait_until 60 "PostgreSQL" "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT"
  for db in plan_eval plan_eval_test; do
    "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 \
      || "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$db"
  done
}

stop_postgres() {
  local data; data="$(pg_data_dir)"
  [ -f "$data/PG_VERSION" ] || return 0
  pg_run "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

start_temporal() {
  [ -x "$TEMPORAL_CLI" ] || die "the temporal CLI is not installed: run scripts/tools.sh"
  if port_open "$TEMPORAL_PORT"; then return; fi
  mkdir -p "$DATA_DIR/temporal"
  log "starting Temporal dev server on port $TEMPORAL_PORT (web UI http://localhost:$TEMPORAL_UI_PORT)"
  nohup "$TEMPORAL_CLI" server start-dev \
    --db-filename "$DATA_DIR/temporal/dev.sqlite" \
    --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" --ip 127.0.0.1 \
    --log-level warn >"$DATA_DIR/temporal/server.log" 2>&1 &
  echo $! > "$DATA_DIR/temporal/pid"
  wait_until 60 "Temporal dev server" "$TEMPORAL_CLI" operator cluster health --address "127.0.0.1:$TEMPORAL_PORT"
  TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT" register_search_attributes
}

# The cycle workflows' search attributes (libs/cycle/search-attributes.ts), registered with the namespace
# once: a workflow that sets an unregistered one fails its task.
register_search_attributes() {
  node "$REPO_ROOT/bin/plan-eval.js" temporal-setup >/dev/null \
    || die "registering the search attributes with Temporal failed"
}

# The production-shaped Temporal cluster: two server nodes (deploy/temporal/config.yaml), each
# running frontend, history, matching and the internal worker service, sharing their persistence
# in the private PostgreSQL cluster and finding each other through it. Clients use node 1's frontend
# (port $TEMPORAL_CLUSTER_PORT). Starting again starts only the nodes that are not running, so after
# a node's crash it is also the restart. Settings from the environment:
#   PLAN_EVAL_TEMPORAL_CLUSTER_DIR   pid files and logs (default .data/temporal-cluster)
#   PLAN_EVAL_TEMPORAL_CLUSTER_DB    its database; visibility in <name>_visibility (default temporal)
#   TEMPORAL_NAMESPACE               the namespace it serves (default `default`, as the apps)
#   PLAN_EVAL_TEMPORAL_RETENTION     how long closed workflows' histories are kept (default 180d)
#   PLAN_EVAL_TEMPORAL_CLUSTER_TLS_CA, _CERT, _KEY, _SERVER_NAME
#                                    mutual TLS: the CA, the nodes' certificate and key (PEM files),
#                                    and the name it carries if not 127.0.0.1; unset, plain gRPC
CLUSTER_DIR="${PLAN_EVAL_TEMPORAL_CLUSTER_DIR:-$DATA_DIR/temporal-cluster}"
CLUSTER_DB="${PLAN_EVAL_TEMPORAL_CLUSTER_DB:-temporal}"
CLUSTER_NODES=2
CLUSTER_NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
# The bureau's record of a cycle is PostgreSQL (submissions, audit trail, reports); Temporal's
# histories are for operators, who look into a closed cycle or a reopen (corrections are due within
# 28 days by default) weeks later, not years: half a year, then history tables stop growing.
CLUSTER_RETENTION="${PLAN_EVAL_TEMPORAL_RETENTION:-180d}"
# Whether the process in a pid file runs: a killed node whose parent (the script that started it)
# is gone may linger as a zombie until something reaps it, and must count as stopped.
pid_running() {
  [ -f "$1" ] || return 1
  local state; state="$(sed 's/.*) //' "/proc/$(cat "$1")/stat" 2>/dev/null | cut -c1)"
  [ -n "$state" ] && [ "$state" != Z ]
}
CLUSTER_TLS_CERT="${PLAN_EVAL_TEMPORAL_CLUSTER_TLS_CERT:-}"
# The script's own calls (health, namespace) are a client like any other: with TLS on, they
# present the node's certificate.
cluster_cli() {
  local tls=()
  if [ -n "$CLUSTER_TLS_CERT" ]; then
    tls=(--tls-ca-path "$PLAN_EVAL_TEMPORAL_CLUSTER_TLS_CA" --tls-cert-path "$CLUSTER_TLS_CERT"
      --tls-key-path "$PLAN_EVAL_TEMPORAL_CLUSTER_TLS_KEY")
    [ -z "${PLAN_EVAL_TEMPORAL_CLUSTER_TLS_SERVER_NAME:-}" ] \
      || tls+=(--tls-server-name "$PLAN_EVAL_TEMPORAL_CLUSTER_TLS_SERVER_NAME")
  fi
  "$TEMPORAL_CLI" "$@" "${tls[@]}"
}
cluster_node_port() { echo $((TEMPORAL_CLUSTER_PORT + 10 * ($1 - 1))); }
psql_run() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

# Creates the databases if missing and brings their schemas to the server's version with its own
# SQL tool: versioning tables on a new database, then every versioned step not yet applied.
temporal_schema() {
  local db="$1" schema="$2"
  local sql=(sql_tool --plugin postgres12 --ep 127.0.0.1 -p "$PG_PORT" -u postgres --db "$db")
  psql_run -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 || "${sql[@]}" create-database
  psql_run -d "$db" -c "SELECT 1 FROM pg_tables WHERE tablename = 'schema_version'" | grep -q 1 \
    || "${sql[@]}" setup-schema -v 0.0
  "${sql[@]}" update-schema --schema-name "$schema"
}
# The tool logs every statement: into the cluster's folder, shown only when it fails.
sql_tool() {
  mkdir -p "$CLUSTER_DIR"
  "$TEMPORAL_SQL_TOOL" "$@" >>"$CLUSTER_DIR/schema.log" 2>&1 \
    || { tail -20 "$CLUSTER_DIR/schema.log" >&2; die "temporal-sql-tool $* failed (log: $CLUSTER_DIR/schema.log)"; }
}

start_temporal_node() {
  local n="$1" dir="$CLUSTER_DIR/node-$1"
  mkdir -p "$dir"
  if pid_running "$dir/pid"; then return; fi
  local port; port="$(cluster_node_port "$n")"
  log "starting Temporal cluster node $n on port $port"
  # The node's membership row must be newer than this to count as joined (cluster_node_ready).
  psql_run -d postgres -c "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')" >"$dir/started"
  # No authorizer: here the nodes listen on loopback only, where anyone who can connect can already
  # read the database; a data centre puts mutual TLS in front (deploy/temporal/config.yaml's tls).
  TEMPORAL_NODE_PORT="$port" TEMPORAL_CLUSTER_ADDRESS="127.0.0.1:$TEMPORAL_CLUSTER_PORT" \
    TEMPORAL_DB_PORT="$PG_PORT" TEMPORAL_DB_NAME="$CLUSTER_DB" TEMPORAL_VISIBILITY_DB_NAME="${CLUSTER_DB}_visibility" \
    TEMPORAL_DYNAMIC_CONFIG="$REPO_ROOT/deploy/temporal/dynamicconfig.yaml" \
    TEMPORAL_NODE_TLS_CA="${PLAN_EVAL_TEMPORAL_CLUSTER_TLS_CA:-}" TEMPORAL_NODE_TLS_CERT="$CLUSTER_TLS_CERT" \
    TEMPORAL_NODE_TLS_KEY="${PLAN_EVAL_TEMPORAL_CLUSTER_TLS_KEY:-}" \
    TEMPORAL_NODE_TLS_SERVER_NAME="${PLAN_EVAL_TEMPORAL_CLUSTER_TLS_SERVER_NAME:-}" \
    nohup "$TEMPORAL_SERVER" --config-file "$REPO_ROOT/deploy/temporal/config.yaml" --allow-no-auth start \
    --service frontend --service history --service matching --service worker >"$dir/server.log" 2>&1 3>&- &
  echo $! >"$dir/pid"
}

# A node is ready once its frontend answers and its history service heartbeats in the membership
# table the nodes share (role 2 is history) in a session begun after this start: the other node
# then gives it its share of the shards. (wait_until silences the check: a crash is told on fd 3.)
cluster_node_ready() {
  local n="$1" dir="$CLUSTER_DIR/node-$1" port; port="$(cluster_node_port "$1")"
  if ! pid_running "$dir/pid"; then
    tail -20 "$dir/server.log" >&3
    die "Temporal cluster node $n exited (log: $dir/server.log)" 2>&3
  fi
  cluster_cli operator cluster health --address "127.0.0.1:$port" \
    && psql_run -d "$CLUSTER_DB" -c "SELECT 1 FROM cluster_membership WHERE role = 2 AND rpc_port = $((port + 6))
      AND session_start >= '$(cat "$dir/started")' AND record_expiry > now() AT TIME ZONE 'UTC'" | grep -q 1
}

ensure_cluster_namespace() {
  local address="127.0.0.1:$TEMPORAL_CLUSTER_PORT"
  if cluster_cli operator namespace describe --namespace "$CLUSTER_NAMESPACE" --address "$address" >/dev/null 2>&1; then
    cluster_cli operator namespace update --namespace "$CLUSTER_NAMESPACE" --retention "$CLUSTER_RETENTION" \
      --address "$address" >/dev/null
  else
    log "creating namespace $CLUSTER_NAMESPACE (retention $CLUSTER_RETENTION)"
    cluster_cli operator namespace create --namespace "$CLUSTER_NAMESPACE" --retention "$CLUSTER_RETENTION" \
      --address "$address" >/dev/null
  fi
  # Each node's frontend learns of a new namespace from its cache (refreshed every 2 s).
  for n in $(seq 1 "$CLUSTER_NODES"); do
    wait_until 30 "namespace $CLUSTER_NAMESPACE on node $n" cluster_cli workflow count \
      --namespace "$CLUSTER_NAMESPACE" --address "127.0.0.1:$(cluster_node_port "$n")"
  done
  # The internal worker service, where the evaluation calendar's Schedules run, polls the namespace
  # once it reaches the frontend (over TLS, when on); a node whose worker cannot gives up after a minute.
  wait_until 60 "Temporal's internal worker polling $CLUSTER_NAMESPACE" internal_worker_polling
  TEMPORAL_ADDRESS="$address" TEMPORAL_NAMESPACE="$CLUSTER_NAMESPACE" \
    TEMPORAL_TLS_SERVER_CA_CERT_PATH="${CLUSTER_TLS_CERT:+$PLAN_EVAL_TEMPORAL_CLUSTER_TLS_CA}" \
    TEMPORAL_TLS_CLIENT_CERT_PATH="$CLUSTER_TLS_CERT" \
    TEMPORAL_TLS_CLIENT_KEY_PATH="${CLUSTER_TLS_CERT:+$PLAN_EVAL_TEMPORAL_CLUSTER_TLS_KEY}" \
    TEMPORAL_TLS_SERVER_NAME="${CLUSTER_TLS_CERT:+${PLAN_EVAL_TEMPORAL_CLUSTER_TLS_SERVER_NAME:-}}" \
    register_search_attributes
  # Each node's frontend learns of them from its cache, as of a namespace.
  for n in $(seq 1 "$CLUSTER_NODES"); do
    wait_until 30 "search attributes on node $n" search_attributes_known "$(cluster_node_port "$n")"
  done
}
search_attributes_known() {
  cluster_cli operator search-attribute list --namespace "$CLUSTER_NAMESPACE" --address "127.0.0.1:$1" \
    | grep -q PlanEvalOverdue
}
internal_worker_polling() {
  cluster_cli task-queue describe --namespace "$CLUSTER_NAMESPACE" --task-queue temporal-sys-per-ns-tq \
    --address "127.0.0.1:$TEMPORAL_CLUSTER_PORT" | grep -q 'temporal-system@'
}

start_temporal_cluster() {
  [ -x "$TEMPORAL_SERVER" ] && [ -x "$TEMPORAL_SQL_TOOL" ] || die "the Temporal server is not built: run scripts/tools.sh"
  port_open "$PG_PORT" || start_postgres
  temporal_schema "$CLUSTER_DB" postgresql/v12/temporal
  temporal_schema "${CLUSTER_DB}_visibility" postgresql/v12/visibility
  exec 3>&2
  # One after the other: the first node on a new database writes the cluster's metadata, and two
  # writing it at once leave one of them failing to start.
  for n in $(seq 1 "$CLUSTER_NODES"); do
    start_temporal_node "$n"
    wait_until 120 "Temporal cluster node $n" cluster_node_ready "$n"
  done
  ensure_cluster_namespace
  log "Temporal cluster ready: TEMPORAL_ADDRESS=127.0.0.1:$TEMPORAL_CLUSTER_PORT (namespace $CLUSTER_NAMESPACE)"
}

# Both at once: each drains for a few seconds (deploy/temporal/dynamicconfig.yaml) before it exits.
stop_temporal_cluster() {
  for n in $(seq 1 "$CLUSTER_NODES"); do stop_pid "$CLUSTER_DIR/node-$n/pid" & done
  wait
}

# A background process of this repository: pid file and log under .data/<name>/;
# stop_node also stops the Temporal dev server, which keeps its pid file the same way.
start_node() {
  local name="$1" entry="$2" ready="$3"
  local dir="$DATA_DIR/$name"; mkdir -p "$dir"
  if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then return; fi
  log "starting $name"
  # `cd` apart from the background job, so that $! is node itself and stop_node can stop it.
  # Without AUTH_SECRET, the API and the worker sign with the secret generated once into the data folder.
  (cd "$REPO_ROOT"; AUTH_SECRET_FILE="${AUTH_SECRET_FILE:-$DATA_DIR/auth-secret}" nohup node bin/ts-run.js "$entry" >"$dir/out.log" 2>&1 & echo $! > "$dir/pid")
  local pid; pid="$(cat "$dir/pid")"
  for _ in $(seq 1 240); do
    grep -q "$ready" "$dir/out.log" && return
    kill -0 "$pid" 2>/dev/null || { tail -20 "$dir/out.log" >&2; die "$name exited during start-up (log: $dir/out.log)"; }
    sleep 0.5
  done
  die "$name did not become ready within 120s (log: $dir/out.log)"
}
stop_node() { stop_pid "$DATA_DIR/$1/pid"; }
stop_pid() {
  local pidfile="$1"
  [ -f "$pidfile" ] || return 0
  local pid; pid="$(cat "$pidfile")"
  if pid_running "$pidfile"; then
    kill -TERM "$pid"
    for _ in $(seq 1 120); do pid_running "$pidfile" || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}
start_mail() {
  MAIL_DIR="$DATA_DIR/mail" MAIL_PAGE_PORT="$MAIL_PAGE_PORT" start_node mail scripts/mail-server.ts 'mail server listening'
  log "mail received: http://localhost:$MAIL_PAGE_PORT (or npx plan-eval mail list)"
}
start_worker() { start_node worker apps/worker/src/main.ts 'worker started'; }
start_relay() { start_node relay apps/mail-relay/src/main.ts 'mail relay started'; }
start_api() {
  start_node api apps/api/src/main.ts 'api listening'
  log "portal and API: http://localhost:${PORT:-3000} (API description: /api/docs)"
}

action="${1:-start}"; which="${2:-all}"
case "$action:$which" in
  start:postgres) start_postgres ;;
  start:temporal) start_temporal ;;
  start:temporal-cluster) start_temporal_cluster ;;
  start:mail) start_mail ;;
  start:worker) start_worker ;;
  start:relay) start_relay ;;
  start:api) start_api ;;
  start:all) start_postgres; start_temporal; start_mail; start_worker; start_relay; start_api ;;
  stop:postgres) stop_postgres ;;
  stop:temporal) stop_node temporal ;;
  stop:temporal-cluster) stop_temporal_cluster ;;
  stop:mail) stop_node mail ;;
  stop:worker) stop_node worker ;;
  stop:relay) stop_node relay ;;
  stop:api) stop_node api ;;
  stop:all) stop_node api; stop_node worker; stop_node relay; stop_node mail; stop_node temporal; stop_temporal_cluster; stop_postgres ;;
  *) die "usage: scripts/services.sh start|stop [postgres|temporal|temporal-cluster|mail|worker|relay|api|all]" ;;
esac
