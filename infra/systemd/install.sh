#!/usr/bin/env bash
# Installs Tsumugi's embedded single-server mode as a systemd service: a system user "tsumugi",
# /opt/tsumugi (jar, bpmn/, forms/, data/), /etc/tsumugi/tsumugi.env (first administrator's password,
# readable by root and the service only), and the unit. Safe to run again: an existing env file and
# data are kept, the jar and models are replaced.
#
# Usage (as root, from the repository after ./mvnw install):  infra/systemd/install.sh [--root DIR]
# --root DIR installs under DIR instead of / and skips the user, ownership and systemctl (for tests
# and packaging).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
root=
[ "${1:-}" = --root ] && { root=${2:?--root needs a folder}; }
jar="$repo/server/target/tsumugi-server.jar"
[ -f "$jar" ] || { echo "install.sh: $jar is missing; build first: ./mvnw -B -ntp -DskipTests install" >&2; exit 1; }
[ -n "$root" ] || [ "$(id -u)" = 0 ] || { echo "install.sh: run as root (or with --root DIR)" >&2; exit 1; }

home="$root/opt/tsumugi" etc="$root/etc/tsumugi" units="$root/etc/systemd/system"
if [ -z "$root" ] && ! id tsumugi >/dev/null 2>&1; then
  useradd --system --home-dir /opt/tsumugi --shell /usr/sbin/nologin --user-group tsumugi
fi
install -d -m 755 "$home" "$units"
install -d -m 750 "$home/data" "$etc"
install -m 644 "$jar" "$home/tsumugi-server.jar"
rm -rf "$home/bpmn" "$home/forms"
cp -r "$repo/bpmn" "$repo/forms" "$home/"
install -m 644 "$repo/infra/systemd/tsumugi.service" "$units/tsumugi.service"
if [ ! -f "$etc/tsumugi.env" ]; then
  password=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')
  umask 077
  printf '# read by systemd for tsumugi.service; keep it readable by root and tsumugi only\nTSUMUGI_ADMIN_PASSWORD=%s\n' \
    "$password" > "$etc/tsumugi.env"
  chmod 640 "$etc/tsumugi.env"
  created=yes
fi
if [ -z "$root" ]; then
  chown -R tsumugi:tsumugi "$home/data"
  chown root:tsumugi "$etc" "$etc/tsumugi.env"
  systemctl daemon-reload
  systemctl enable --now tsumugi.service
fi
echo "install.sh: installed into ${root:-/}"
[ "${created:-}" = yes ] && echo "install.sh: the first administrator is 'admin'; the password is in $etc/tsumugi.env"
exit 0
