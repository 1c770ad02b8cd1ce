#!/usr/bin/env bash
# The demo on embedded defaults: installs what is missing, starts PostgreSQL,
# the Temporal dev server (web UI http://localhost:8233), the mail server (its
# page http://localhost:8025) and the worker; loads the Heyuan plan into a fresh
# demo database; runs a whole mid-term evaluation with simulated departments in
# about three minutes and prints its report. Services stay up afterwards: scripts/services.sh stop
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$REPO_ROOT"

bash scripts/tools.sh
log "web portal"; npm run --silent build:web
bash scripts/services.sh start postgres
bash scripts/services.sh start temporal
bash scripts/services.sh start mail

# Each run starts clean: its own database and its own Temporal namespace, so the
# cycle (whose ID is fixed by plan, kind and period) can be launched again.
run="demo-$(date +%Y%m%d-%H%M%S)"
PG_BIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/psql | sort -V | tail -1)")"
"$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "DROP DATABASE IF EXISTS plan_eval_demo WITH (FORCE)" -c "CREATE DATABASE plan_eval_demo"
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/plan_eval_demo"
export TEMPORAL_NAMESPACE="$run"
export REPORTS_DIR="$REPO_ROOT/out/reports/$run"
"$TEMPORAL_CLI" operator namespace create --namespace "$run" --address "127.0.0.1:$TEMPORAL_PORT" >/dev/null

log "migrate"; npx plan-eval migrate
log "import the Heyuan plan"; npx plan-eval import
log "catalog summary"; npx plan-eval summary

bash scripts/services.sh stop worker
bash scripts/services.sh start worker
log "run a mid-term evaluation (namespace $run; watch it at http://localhost:$TEMPORAL_UI_PORT/namespaces/$run/workflows)"
node bin/ts-run.js scripts/demo-cycle.ts
log "done. Mail received: http://localhost:$MAIL_PAGE_PORT (or npx plan-eval mail list; files in .data/mail/) · stop the services with: scripts/services.sh stop"
