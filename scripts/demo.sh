#!/usr/bin/env bash
# The demo on embedded defaults: installs what is missing, starts PostgreSQL
# and the Temporal dev server, migrates, imports the Heyuan plan and prints
# the catalog summary. Services stay up afterwards; stop them with
#   scripts/services.sh stop
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$REPO_ROOT"

bash scripts/tools.sh
bash scripts/services.sh start all
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:$PG_PORT/plan_eval}"

log "migrate"; npx plan-eval migrate
log "import the Heyuan plan"; npx plan-eval import
log "catalog summary"; npx plan-eval summary
log "done. Temporal UI: http://localhost:$TEMPORAL_UI_PORT · stop the services with: scripts/services.sh stop"
