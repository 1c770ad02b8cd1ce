#!/usr/bin/env bash
# The demo on embedded defaults: installs what is missing, starts PostgreSQL,
# the Temporal dev server (web UI http://localhost:8233), the mail server (its
# page http://localhost:8025), the worker and the mail relay; loads the Heyuan plan into a fresh
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
# The organs the Heyuan plan's evaluation reports are issued by (the report's cover).
export REPORT_ISSUER="${REPORT_ISSUER:-河源市统计局、河源市发展和改革局}"
export REPORT_ISSUER_EN="${REPORT_ISSUER_EN:-Heyuan Municipal Bureau of Statistics; Heyuan Municipal Development and Reform Bureau}"
export TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT"
# The run's namespace, with the search attributes the workflows set (registered per namespace).
log "Temporal namespace $run"; npx plan-eval temporal-setup --retention 7d

log "migrate"; npx plan-eval migrate
log "import the Heyuan plan"; npx plan-eval import
log "catalog summary"; npx plan-eval summary
# The plan names no department for its 80 basic public service items: the bureau assigns them before the launch.
log "assign the basic public service items"
npx plan-eval assign-services -p heyuan-public-services-2021-2025 --file data/plans/heyuan-service-departments.json
# Accounts to look around the portal with afterwards (department staff also enter through their email links).
DEMO_PASSWORD="heyuan-demo-2026"
for account in "bureau@heyuan.example|市统计局|admin|" "supervisor@city-education.heyuan.example|市教育局审核人|supervisor|city-education" \
               "submitter@city-education.heyuan.example|市教育局填报人|submitter|city-education" "evaluator@third-party.example|第三方评估|viewer|"; do
  IFS='|' read -r email name role dept <<<"$account"
  PLAN_EVAL_PASSWORD="$DEMO_PASSWORD" npx plan-eval user-add --email "$email" --name "$name" --role "$role" ${dept:+--department "$dept"}
done

# The evaluation calendar: the Temporal Schedules that launch the plan's cycles by themselves, and their next launches.
log "evaluation calendar"; npx plan-eval calendar ensure
for app in worker relay api; do bash scripts/services.sh stop "$app"; done
for app in worker relay api; do bash scripts/services.sh start "$app"; done
log "run a mid-term evaluation (namespace $run; watch it at http://localhost:$TEMPORAL_UI_PORT/namespaces/$run/workflows)"
node bin/ts-run.js scripts/demo-cycle.ts
log "portal: http://localhost:${PORT:-3000} — sign in as bureau@heyuan.example (or supervisor@city-education.heyuan.example, evaluator@third-party.example) with password $DEMO_PASSWORD"
log "done. Mail received: http://localhost:$MAIL_PAGE_PORT (or npx plan-eval mail list; files in .data/mail/) · stop the services with: scripts/services.sh stop"
