#!/usr/bin/env bash
# Backs up Tsumugi's PostgreSQL database to one file (pg_dump custom format: compressed, restorable
# table by table). Safe while the server runs: pg_dump reads one consistent snapshot.
#
# Usage: backup.sh [BACKUP_DIR]   (default /var/backups/tsumugi; keeps the newest $KEEP, default 14)
# Connection: libpq's PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD (or ~/.pgpass), default database
# "tsumugi". Prints the path of the file it wrote.
set -euo pipefail
dir=${1:-/var/backups/tsumugi}
keep=${KEEP:-14}
export PGDATABASE=${PGDATABASE:-tsumugi}
mkdir -p "$dir"
chmod 700 "$dir"   # the dump holds patient data
file="$dir/tsumugi-$(date -u +%Y%m%dT%H%M%SZ).dump"
# write under a temporary name so that a failed dump never looks like a backup
pg_dump --format=custom --no-owner --no-privileges --file="$file.partial" "$PGDATABASE"
pg_restore --list "$file.partial" > /dev/null   # a file pg_restore cannot read is no backup
mv "$file.partial" "$file"
chmod 600 "$file"
# keep the newest $keep backups
ls -1t "$dir"/tsumugi-*.dump 2>/dev/null | tail -n +"$((keep + 1))" | while read -r old; do rm -f -- "$old"; done
echo "$file"
