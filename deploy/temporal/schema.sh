#!/bin/sh
# The Compose stack's one-shot schema job (temporalio/admin-tools at the server's version): brings
# Temporal's two databases (made by deploy/postgres/init-databases.sh, owned by the temporal login) to
# this server version's schema with the server's own SQL tool, as scripts/services.sh does for the
# cluster. Safe on every start: setup-schema adds the version tables only where they are missing and
# leaves a versioned schema alone; update-schema applies the versions not yet applied.
set -eu
SQL_PASSWORD="$(cat /run/secrets/temporal_db_password)"
export SQL_PLUGIN=postgres12 SQL_HOST=postgres SQL_PORT=5432 SQL_USER=temporal SQL_PASSWORD
for pair in temporal:temporal visibility:temporal_visibility; do
  schema="${pair%%:*}" database="${pair#*:}"
  temporal-sql-tool --database "$database" setup-schema --version 0.0
  temporal-sql-tool --database "$database" update-schema --schema-name "postgresql/v12/$schema"
done
