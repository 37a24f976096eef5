#!/usr/bin/env bash
# Read event messages with kcat (apt-get install kcat): one JSON envelope per message with
# topic, partition, offset, key (the event id), headers (CloudEvents ce_* and content-type)
# and payload (the event JSON).
#
#   examples/kcat.sh                      # every event so far, then exit
#   examples/kcat.sh events.conflict      # one category topic
#   examples/kcat.sh events -o end        # extra arguments go to kcat (here: follow new ones)
#
# KAFKA_BOOTSTRAP_SERVERS (default 127.0.0.1:19092, the local broker) and
# STREAMS_TOPIC_PREFIX are honoured like the worker does.
set -euo pipefail
topic="${STREAMS_TOPIC_PREFIX:-}${1:-events}"
shift || true
if [ "$#" -eq 0 ]; then
  set -- -o beginning -e
fi
exec kcat -C -q -b "${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:19092}" -t "$topic" -J "$@"
