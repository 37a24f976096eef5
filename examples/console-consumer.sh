#!/usr/bin/env bash
# Read a topic with Kafka's own console consumer, run from the jars the local broker uses
# (fetched by Maven into .cache/kafka-libs on first use; needs java). Prints
# "headers<TAB>key<TAB>value" per message.
#
#   examples/console-consumer.sh                          # events, from the beginning
#   examples/console-consumer.sh articles.dlq --max-messages 5
#   examples/console-consumer.sh events --timeout-ms 5000 # extra args go to ConsoleConsumer
#
# KAFKA_BOOTSTRAP_SERVERS (default: the local broker) and STREAMS_TOPIC_PREFIX are honoured.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The project's Python (it runs streams.broker): $PYTHON, else .venv, else python3.
if [ -z "${PYTHON:-}" ]; then
  PYTHON=python3
  [ -x "$ROOT/.venv/bin/python" ] && PYTHON="$ROOT/.venv/bin/python"
fi
topic="${STREAMS_TOPIC_PREFIX:-}${1:-events}"
shift || true
exec "$PYTHON" - "$topic" "$@" <<'PY'
import os
import sys

from streams.broker import console_consumer_command, ensure_jars
from streams.settings import get_settings

settings = get_settings()
ensure_jars(settings)
formatter = ["print.key=true", "print.headers=true", "key.separator=\t", "headers.separator=,"]
extra = [arg for prop in formatter for arg in ("--formatter-property", prop)]
command = console_consumer_command(settings, sys.argv[1], extra=[*extra, *sys.argv[2:]])
os.execvp(command[0], command)
PY
