#!/usr/bin/env bash
# Runs a private RabbitMQ node in the foreground, all its state under one folder, bound to 127.0.0.1.
#   eng/rabbitmq-node.sh DIR AMQP_PORT MANAGEMENT_PORT DIST_PORT NODE_NAME
# Used by the AppHost (the platform in one command) and the test kit (a broker per test run).
set -euo pipefail
dir=$(mkdir -p "$1" && cd "$1" && pwd)
amqp_port=$2; management_port=$3; dist_port=$4; node=$5

[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || { echo "rabbitmq-server is not installed: run eng/install-prerequisites.sh" >&2; exit 3; }

mkdir -p "$dir/mnesia" "$dir/log" "$dir/home"
cat > "$dir/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$amqp_port
management.tcp.ip = 127.0.0.1
management.tcp.port = $management_port
loopback_users = none
log.console = false
log.file.level = warning
CONF
echo '[rabbitmq_management].' > "$dir/enabled_plugins"
: > "$dir/rabbitmq-env.conf"
: > "$dir/advanced.config"; echo '[].' > "$dir/advanced.config"

export HOME="$dir/home"
export RABBITMQ_NODENAME="$node@localhost"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$amqp_port
export RABBITMQ_DIST_PORT=$dist_port
export RABBITMQ_MNESIA_BASE="$dir/mnesia"
export RABBITMQ_LOG_BASE="$dir/log"
export RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
export RABBITMQ_PID_FILE="$dir/rabbitmq.pid"
export RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
export RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
exec /usr/lib/rabbitmq/bin/rabbitmq-server
