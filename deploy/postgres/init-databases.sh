#!/bin/sh
# Run once by the postgres image on an empty data directory (/docker-entrypoint-initdb.d), as its
# superuser: the application and Temporal each get their own login, owning their own databases and
# nothing else (no superuser, no CREATEDB, no CREATEROLE), and no other login may connect to them.
# The passwords come from the Compose secrets; psql quotes them (:'name'), so any character is safe.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_password="$(cat /run/secrets/plan_eval_db_password)" \
  -v temporal_password="$(cat /run/secrets/temporal_db_password)" <<'SQL'
CREATE ROLE plan_eval LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
CREATE ROLE temporal LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'temporal_password';
CREATE DATABASE plan_eval OWNER plan_eval;
CREATE DATABASE temporal OWNER temporal;
CREATE DATABASE temporal_visibility OWNER temporal;
REVOKE ALL ON DATABASE plan_eval, temporal, temporal_visibility FROM PUBLIC;
SQL
