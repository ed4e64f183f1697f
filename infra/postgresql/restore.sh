#!/usr/bin/env bash
# Restores a backup made by backup.sh into Tsumugi's database, replacing what is there.
# Stop the server first (systemctl stop tsumugi): the engine keeps state in memory too.
#
# Usage: restore.sh BACKUP_FILE   Connection as for backup.sh (libpq's PG* variables).
# All or nothing: one transaction, so a failed restore leaves the database as it was.
set -euo pipefail
file=${1:?usage: restore.sh BACKUP_FILE}
[ -r "$file" ] || { echo "restore.sh: cannot read $file" >&2; exit 1; }
export PGDATABASE=${PGDATABASE:-tsumugi}
pg_restore --list "$file" > /dev/null || { echo "restore.sh: $file is not a pg_dump archive" >&2; exit 1; }
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
  --dbname="$PGDATABASE" "$file"
echo "restore.sh: restored $file into $PGDATABASE"
