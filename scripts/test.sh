#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what is missing, starts
# PostgreSQL (and stops it again if it was not running before), then type-checks,
# builds the web portal (skipped when dist/web is newer than its sources), lints
# and runs jest against the real services.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$REPO_ROOT"

bash scripts/tools.sh

started=()
if ! port_open "$PG_PORT"; then started+=(postgres); fi
cleanup() { for s in "${started[@]}"; do bash scripts/services.sh stop "$s" || true; done; }
trap cleanup EXIT
bash scripts/services.sh start postgres

export TEMPORAL_TEST_SERVER_PATH="$TEMPORAL_TEST_SERVER"
export TEMPORAL_CLI_PATH="$TEMPORAL_CLI"
export SCHEMATHESIS_PATH="$TOOLS_DIR/venv/bin/st"
export DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:$PG_PORT/plan_eval_test}"

log "type-check"; npm run --silent typecheck
log "web portal"; npm run --silent build:web
log "lint"; npm run --silent lint
log "jest"; npx jest --maxWorkers=2 "$@"
