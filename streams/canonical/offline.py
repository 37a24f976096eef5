"""`streams canonicalize`: event JSONL in, canonical events out, with the agent's own code."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from streams.canonical.model import CanonicalEvent
from streams.canonical.state import Canonicalizer
from streams.errors import StreamsError
from streams.schemas import Event


@dataclass
class Run:
    """The compacted result of a run (key -> latest value) and its counts."""

    latest: dict[str, CanonicalEvent] = field(default_factory=dict)
    messages: list[tuple[str, CanonicalEvent | None]] = field(default_factory=list)
    events: int = 0
    created: int = 0
    updated: int = 0
    late: int = 0
    state_size: int = 0

    def clusters(self) -> dict[str, frozenset[str]]:
        """canonical id -> the event ids it merged."""
        return {
            key: frozenset(m.event_id for m in value.mentions) for key, value in self.latest.items()
        }


def read_events(paths: Iterable[Path]) -> Iterator[Event]:
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    yield Event.model_validate_json(line)
                except ValueError as exc:
                    raise StreamsError(f"{path}:{number}: not an event: {exc}") from None


def canonicalize(events: Iterable[Event], window_days: int = 7) -> Run:
    """Feed every event through one Canonicalizer, as the agent does, and compact the output."""
    engine = Canonicalizer(window_days=window_days)
    run = Run()
    for event in events:
        outcome = engine.process(event)
        run.events += 1
        run.created += outcome.created
        run.updated += outcome.updated and not outcome.duplicate
        run.late += outcome.late
        for key, value in outcome.messages:
            run.messages.append((key, value))
            if value is None:
                run.latest.pop(key, None)
            else:
                run.latest[key] = value
    run.state_size = engine.size()
    return run


def write_jsonl(run: Run, out: Path | None, *, updates: bool = False) -> int:
    """The canonical events (or, with updates, every message: tombstones as {"key", null})."""
    lines: list[str] = []
    if updates:
        for key, value in run.messages:
            body = value.model_dump(mode="json", exclude_none=True) if value else None
            lines.append(json.dumps({"key": key, "value": body}, ensure_ascii=False))
    else:
        for key in sorted(run.latest):
            lines.append(run.latest[key].model_dump_json(exclude_none=True))
    text = "".join(line + "\n" for line in lines)
    if out is None:
        print(text, end="")
    else:
        out.write_text(text, encoding="utf-8")
    return len(lines)
