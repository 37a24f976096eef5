"""`streams tail TOPIC`: print a topic's messages, events as readable lines."""

from __future__ import annotations

import json
import sys
import time

from streams.errors import StreamsError
from streams.kafka_clients import consumer, require_broker
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
    require_broker(settings)
    name = settings.topic(topic)
    client = consumer(
        settings,
        auto_offset_reset="earliest" if from_beginning else "latest",
        enable_auto_commit=False,
        group_id=None,
    )
    if name not in client.topics():
        client.close()
        raise StreamsError(
            f"topic {name!r} does not exist on {settings.bootstrap} "
            "(`streams topics list` shows the project's topics)"
        )
    client.subscribe([name])
    seen = 0
    last = time.monotonic()
    try:
        while limit is None or seen < limit:
            # max_records: a poll returns whole fetched batches otherwise (--max 3 printed 37)
            batch = client.poll(timeout_ms=500, max_records=None if limit is None else limit - seen)
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
