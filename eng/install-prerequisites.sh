#!/usr/bin/env bash
# Installs what the platform and its tests need beyond the .NET SDK, when it is missing (Debian; run as root).
set -euo pipefail
need=()
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || need+=(rabbitmq-server)
# The production shape (run.sh --production, the PostgreSQL tests) runs a private PostgreSQL server.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# The web console's browser tests drive Debian's Chromium (no browser can be downloaded); npm builds the console.
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v npm >/dev/null || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} ..."
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi
# The packaged node would start under systemd where there is one; ours run privately, so stop any it started.
dotnet tool restore >/dev/null
