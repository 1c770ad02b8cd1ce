#!/usr/bin/env bash
# Starts and stops the embedded services: a private PostgreSQL cluster and the
# Temporal dev server (state in a SQLite file, web UI on 8233).
# the demo's mail server (SMTP on 2525, messages kept under .data/mail, read them at
# http://localhost:8025), the worker, the mail relay (sends the worker's notices) and
# the API with the portal (http://localhost:3000).
#   scripts/services.sh start [postgres|temporal|mail|worker|relay|api|all]   (default all)
#   scripts/services.sh stop  [postgres|temporal|mail|worker|relay|api|all]
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
  pg_run "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
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
stop_node() {
  local pidfile="$DATA_DIR/$1/pid"
  [ -f "$pidfile" ] || return 0
  local pid; pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
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
  start:mail) start_mail ;;
  start:worker) start_worker ;;
  start:relay) start_relay ;;
  start:api) start_api ;;
  start:all) start_postgres; start_temporal; start_mail; start_worker; start_relay; start_api ;;
  stop:postgres) stop_postgres ;;
  stop:temporal) stop_node temporal ;;
  stop:mail) stop_node mail ;;
  stop:worker) stop_node worker ;;
  stop:relay) stop_node relay ;;
  stop:api) stop_node api ;;
  stop:all) stop_node api; stop_node worker; stop_node relay; stop_node mail; stop_node temporal; stop_postgres ;;
  *) die "usage: scripts/services.sh start|stop [postgres|temporal|mail|worker|relay|api|all]" ;;
esac
