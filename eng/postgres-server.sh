#!/usr/bin/env bash
# A private PostgreSQL server, all its state under one folder, bound to 127.0.0.1, password login for TCP.
#   eng/postgres-server.sh start DIR PORT [PASSWORD]   initdb on first use (user postgres), start, wait until ready
#   eng/postgres-server.sh run DIR PORT [PASSWORD]     the same in the foreground (the AppHost); SIGTERM/SIGINT stops it
#   eng/postgres-server.sh stop DIR                    fast shutdown (open sessions are ended)
# PostgreSQL refuses to run as root, so the server runs as the postgres user the Debian package creates.
# Used by test.sh (a server per test run), the test kit (a server per test process) and run.sh --production.
set -euo pipefail
command=$1; dir=$(mkdir -p "$2" && cd "$2" && pwd)
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] && [ -x "$bin/initdb" ] || { echo "postgresql is not installed: run eng/install-prerequisites.sh" >&2; exit 3; }
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }

if [ "$command" = stop ]; then
  as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  exit 0
fi

port=$3; password=${4:-postgres}
if [ ! -f "$dir/data/PG_VERSION" ]; then
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  printf '%s\n' "$password" > "$dir/pwfile"; [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/pwfile"
  # Local socket: trust (only this machine's postgres user reaches it); TCP: the password, as in production.
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" --auth-local=trust --auth-host=scram-sha-256 -E UTF8 >"$dir/initdb.log"
  rm -f "$dir/pwfile"
fi
options=(-p "$port" -k "$dir" -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=64MB)
case "$command" in
  start) as_postgres "$bin/pg_ctl" -D "$dir/data" -o "${options[*]}" -l "$dir/log" -w -t 60 start >/dev/null ;;
  run) if [ "$(id -un)" = postgres ]; then exec "$bin/postgres" -D "$dir/data" "${options[@]}"; else exec runuser -u postgres -- "$bin/postgres" -D "$dir/data" "${options[@]}"; fi ;;
  *) echo "usage: $0 start|run|stop DIR [PORT [PASSWORD]]" >&2; exit 2 ;;
esac
