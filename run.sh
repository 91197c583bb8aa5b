#!/usr/bin/env bash
# Starts the whole platform on this machine: a private RabbitMQ node, the four services, the gateway
# (http://localhost:5000, web console at /console) and the Aspire dashboard (http://localhost:15888). Ctrl+C stops everything.
#   ./run.sh               one instance of each service, each on its SQLite files under .data/
#   ./run.sh --production  the production shape: a private PostgreSQL server (data under .data/postgres, port 5690),
#                          two instances of every service, the gateway balancing across them (ADR 0031)
set -euo pipefail
cd "$(dirname "$0")"
shape=()
case "${1:-}" in
  --production) shape=(--Platform:Production=true) ;;
  "") ;;
  *) echo "usage: $0 [--production]" >&2; exit 2 ;;
esac
eng/install-prerequisites.sh
eng/build-console.sh   # the web console the gateway serves at http://localhost:5000/console
dotnet build services/ClientRequests.AppHost -c Debug -nologo -v quiet
exec dotnet run --project services/ClientRequests.AppHost --no-build --launch-profile http -- "${shape[@]}"
