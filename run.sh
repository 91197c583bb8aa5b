#!/usr/bin/env bash
# Starts the whole platform on this machine: a private RabbitMQ node, the four services, the gateway
# (http://localhost:5000, web console at /console) and the Aspire dashboard (http://localhost:15888). Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
eng/install-prerequisites.sh
eng/build-console.sh   # the web console the gateway serves at http://localhost:5000/console
dotnet build services/ClientRequests.AppHost -c Debug -nologo -v quiet
exec dotnet run --project services/ClientRequests.AppHost --no-build --launch-profile http
