#!/usr/bin/env bash
# Runs every test of the platform against real parts: it starts a private RabbitMQ node and PostgreSQL server on free ports,
# runs all test projects (the end-to-end tests start the five processes themselves), stops them,
# and ends with a line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
eng/install-prerequisites.sh || exit 1
# The web console: its build is what the gateway serves to the browser tests; its component tests count in the totals.
eng/build-console.sh || { echo "0 passed, 1 failed"; exit 1; }
vitest_log=$(mktemp /tmp/clientrequests-vitest.XXXXXX.log)
(cd web/console && npx vitest run) 2>&1 | tee "$vitest_log"
vitest_status=${PIPESTATUS[0]}
dotnet build ClientRequests.sln -c Debug -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

free_port() {
  local port
  while :; do
    # Below the ephemeral range (32768 and up), which outgoing connections take ports from.
    port=$(( 10000 + RANDOM % 22000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

epmd_was_running=false; pgrep -x epmd >/dev/null && epmd_was_running=true
broker_dir=$(mktemp -d /tmp/clientrequests-test-broker.XXXXXX)
node="tests$$"
export CLIENTREQUESTS_RABBITMQ_AMQP_PORT=$(free_port)
export CLIENTREQUESTS_RABBITMQ_MANAGEMENT_PORT=$(free_port)
setsid eng/rabbitmq-node.sh "$broker_dir" "$CLIENTREQUESTS_RABBITMQ_AMQP_PORT" "$CLIENTREQUESTS_RABBITMQ_MANAGEMENT_PORT" "$(free_port)" "$node" \
  >"$broker_dir/console.log" 2>&1 </dev/null &

# One PostgreSQL server for the run, for the tests of the production shape (each test makes its own databases).
postgres_dir=$(mktemp -d /tmp/clientrequests-test-postgres.XXXXXX)
export CLIENTREQUESTS_POSTGRES_PORT=$(free_port)
export CLIENTREQUESTS_POSTGRES_PASSWORD="tests-$$"

stop_broker() {
  eng/postgres-server.sh stop "$postgres_dir" >/dev/null 2>&1
  rm -rf "$postgres_dir"
  HOME="$broker_dir/home" /usr/lib/rabbitmq/bin/rabbitmqctl -n "$node@localhost" stop >/dev/null 2>&1
  $epmd_was_running || pkill -x epmd 2>/dev/null
  rm -rf "$broker_dir"
}
trap stop_broker EXIT
eng/postgres-server.sh start "$postgres_dir" "$CLIENTREQUESTS_POSTGRES_PORT" "$CLIENTREQUESTS_POSTGRES_PASSWORD" \
  || { echo "0 passed, 1 failed"; exit 1; }

for _ in $(seq 1 90); do
  HOME="$broker_dir/home" /usr/lib/rabbitmq/bin/rabbitmqctl -n "$node@localhost" await_startup --timeout 5 >/dev/null 2>&1 && break
  sleep 1
done

log=$(mktemp /tmp/clientrequests-test.XXXXXX.log)
dotnet test --solution ClientRequests.sln --no-build -c Debug 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The runner's summary over all test projects; when it is missing (a crash before it), count the failure.
passed=$(grep -E '^\s*succeeded:' "$log" | tail -1 | grep -oE '[0-9]+' || true)
failed=$(grep -E '^\s*failed:' "$log" | tail -1 | grep -oE '[0-9]+' || true)
passed=${passed:-0}; failed=${failed:-0}
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1

# vitest's own summary ("Tests  12 passed | 1 failed (13)"), colours stripped.
vitest_summary=$(sed -E 's/\x1b\[[0-9;]*m//g' "$vitest_log" | grep -E '^\s*Tests\s' | tail -1)
vitest_passed=$(echo "$vitest_summary" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || true)
vitest_failed=$(echo "$vitest_summary" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || true)
vitest_passed=${vitest_passed:-0}; vitest_failed=${vitest_failed:-0}
[ "$vitest_status" -ne 0 ] && [ "$vitest_failed" -eq 0 ] && vitest_failed=1
passed=$((passed + vitest_passed)); failed=$((failed + vitest_failed))
[ "$vitest_status" -ne 0 ] && [ "$status" -eq 0 ] && status=$vitest_status
rm -f "$log" "$vitest_log"
echo "$passed passed, $failed failed"
exit "$status"
