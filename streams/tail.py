"""`streams tail TOPIC`: print a topic's messages, events as readable lines."""

from __future__ import annotations

import json
import sys
import time

from streams.kafka_clients import consumer
from streams.render import render_event
from streams.settings import Settings


def tail_topic(
    settings: Settings,
    topic: str,
    *,
    from_beginning: bool = False,
    raw: bool = False,
    show_headers: bool = False,
    limit: int | None = None,
    idle_timeout: float | None = None,
) -> int:
    client = consumer(
        settings,
        settings.topic(topic),
        auto_offset_reset="earliest" if from_beginning else "latest",
        enable_auto_commit=False,
        group_id=None,
    )
    seen = 0
    last = time.monotonic()
    try:
        while limit is None or seen < limit:
            batch = client.poll(timeout_ms=500)
            for records in batch.values():
                for record in records:
                    print(
                        format_record(record.value, record.headers, raw, show_headers), flush=True
                    )
                    seen += 1
                    last = time.monotonic()
            if idle_timeout is not None and time.monotonic() - last > idle_timeout:
                break
    except KeyboardInterrupt:
        pass
    finally:
        client.close()
    print(f"{seen} message(s)", file=sys.stderr)
    return seen


def format_record(
    value: bytes | None, headers: list[tuple[str, bytes]], raw: bool, show_headers: bool
) -> str:
    text = (value or b"").decode("utf-8", "replace")
    line = text
    if not raw:
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if isinstance(data, dict) and "event_type" in data:
            line = render_event(data)
    if show_headers:
        pairs = ", ".join(f"{key}={val.decode('utf-8', 'replace')}" for key, val in headers)
        line = f"{line}\n    headers: {pairs}"
    return line
