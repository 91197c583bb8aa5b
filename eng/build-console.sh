#!/usr/bin/env bash
# Installs the web console's packages from its lock file and builds it into web/console/dist, which the gateway serves.
set -euo pipefail
cd "$(dirname "$0")/../web/console"
npm ci --no-audit --no-fund --loglevel=error
npm run build --silent
