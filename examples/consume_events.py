#!/usr/bin/env python3
"""Consume event messages with kafka-python and validate each one against the JSON Schema.

    python examples/consume_events.py --from-beginning --max-messages 10
    KAFKA_BOOTSTRAP_SERVERS=kafka:9092 python examples/consume_events.py --topic events.conflict

Prints one line per valid event (key, event_type, status, ce_type header) on stdout and one
line per invalid message on stderr; exits 1 when any message was invalid. Needs only
kafka-python and jsonschema, not the streams package.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from kafka import KafkaConsumer

SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "event.v1.0.json"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    prefix = os.environ.get("STREAMS_TOPIC_PREFIX", "")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--bootstrap",
        default=os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"),
        help="Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS or the local broker)",
    )
    parser.add_argument("--topic", default=f"{prefix}events", help="default: <prefix>events")
    parser.add_argument("--schema", type=Path, default=SCHEMA, help="JSON Schema of an event")
    parser.add_argument("--group", default=None, help="consumer group (default: none, no commits)")
    parser.add_argument("--from-beginning", action="store_true", help="start at the oldest event")
    parser.add_argument("--max-messages", type=int, default=None, help="stop after N messages")
    parser.add_argument(
        "--idle-timeout", type=float, default=None, help="stop after N seconds without a message"
    )
    return parser.parse_args(argv)


def problems(validator: Draft202012Validator, key: bytes | None, value: bytes) -> list[str]:
    """Why a message is not a valid event (empty when it is)."""
    try:
        event: Any = json.loads(value)
    except ValueError as exc:
        return [f"not JSON: {exc}"]
    found = [
        f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}"
        for error in validator.iter_errors(event)
    ]
    if not found and key is not None and key.decode("utf-8", "replace") != event["event_id"]:
        found.append(f"key {key!r} is not the event_id {event['event_id']!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    validator = Draft202012Validator(json.loads(args.schema.read_text(encoding="utf-8")))
    consumer = KafkaConsumer(
        args.topic,
        bootstrap_servers=args.bootstrap,
        group_id=args.group,
        enable_auto_commit=args.group is not None,
        auto_offset_reset="earliest" if args.from_beginning else "latest",
        consumer_timeout_ms=int(args.idle_timeout * 1000) if args.idle_timeout else float("inf"),
    )
    seen = invalid = 0
    try:
        for message in consumer:
            seen += 1
            found = problems(validator, message.key, message.value)
            where = f"{message.topic}/{message.partition}@{message.offset}"
            if found:
                invalid += 1
                print(f"INVALID {where} key={message.key!r}: {'; '.join(found)}", file=sys.stderr)
            else:
                event = json.loads(message.value)
                ce_type = dict(message.headers).get("ce_type", b"").decode()
                summary = f"{event['event_id']} {event['event_type']} {event['status']}"
                print(f"ok {where} {summary} {ce_type}")
            if args.max_messages is not None and seen >= args.max_messages:
                break
    except KeyboardInterrupt:
        pass
    finally:
        consumer.close()
    print(f"{seen} message(s), {invalid} invalid", file=sys.stderr)
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
