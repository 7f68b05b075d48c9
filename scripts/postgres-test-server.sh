#!/usr/bin/env bash
# Starts the Debian PostgreSQL cluster for the SQL tests (test/cli/sqlPostgres.test.ts) and gives
# the current user a superuser role (server-side COPY reads the test's files) and a database.
# Used by .ci/run; safe to run again. Prints the connection string the tests read from RFM_PG_URL.
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null; then
  echo "postgres-test-server: PostgreSQL is not installed (apt-get install -y postgresql)" >&2
  exit 1
fi
read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1)
if [ "$status" != "online" ]; then
  pg_ctlcluster "$version" "$cluster" start
fi
user="$(id -un)"
runas() { if [ "$user" = postgres ]; then "$@"; else su postgres -c "$(printf '%q ' "$@")"; fi; }
runas psql -p "$port" -qtAc "SELECT 1 FROM pg_roles WHERE rolname = '$user'" | grep -q 1 \
  || runas psql -p "$port" -qc "CREATE ROLE \"$user\" SUPERUSER LOGIN"
runas psql -p "$port" -qtAc "SELECT 1 FROM pg_database WHERE datname = 'rfm_test'" | grep -q 1 \
  || runas psql -p "$port" -qc "CREATE DATABASE rfm_test OWNER \"$user\""
echo "postgresql://$user@localhost:$port/rfm_test?host=/var/run/postgresql"
