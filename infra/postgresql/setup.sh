#!/usr/bin/env bash
# Creates Tsumugi's PostgreSQL role and database on this machine's PostgreSQL and prints the lines
# for /etc/tsumugi/tsumugi.env. Run as root on the database server; safe to run again.
# Usage: setup.sh [DATABASE]   (default tsumugi; the role has the same name)
set -euo pipefail
db=${1:-tsumugi}
[[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "setup.sh: use a lower-case name, not '$db'" >&2; exit 1; }
password=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
as_postgres() { (cd / && runuser -u postgres -- "$@"); }
if as_postgres psql -tAc "select 1 from pg_roles where rolname = '$db'" | grep -q 1; then
  as_postgres psql -q -c "alter role $db with login password '$password'"
else
  as_postgres psql -q -c "create role $db with login password '$password'"
fi
as_postgres psql -tAc "select 1 from pg_database where datname = '$db'" | grep -q 1 \
  || as_postgres createdb --owner "$db" --encoding UTF8 --template template0 "$db"
cat <<ENV
SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/$db
SPRING_DATASOURCE_USERNAME=$db
SPRING_DATASOURCE_PASSWORD=$password
ENV
