#!/bin/sh
# Starts the Compose stack's Temporal server (temporalio/server: one node running frontend, history,
# matching and the internal worker) on deploy/temporal/config.yaml, the cluster's own config: the
# database password from its Compose secret (the template reads the environment, not files), and the
# container's address as the one it listens on and tells the membership ring. No authorizer: the
# frontend is on the stack's internal network only, with no published port.
set -eu
TEMPORAL_DB_PASSWORD="$(cat /run/secrets/temporal_db_password)"
TEMPORAL_BIND_IP="$(getent hosts "$(hostname)" | awk '{ print $1; exit }')"
export TEMPORAL_DB_PASSWORD TEMPORAL_BIND_IP
exec temporal-server --config-file /etc/temporal/plan-eval/config.yaml --allow-no-auth start \
  --service frontend --service history --service matching --service worker
