"""State size of the canonical merge per 10,000 events (`python -m benchmarks.canonical_state`).

The events of the gold articles (tests/gold/canonical) are replayed in copies, each copy
shifted by one day with fresh ids, until 10,000 events have gone through one
Canonicalizer with the default 7-day window; the state (both tables as JSON) is measured
at the end and at its largest.
"""

from __future__ import annotations

import json
import time
from datetime import timedelta

from streams.canonical.evaluate import (
    ARTICLE_SOURCES,
    GOLD_DIR,
    extract_articles,
    load_gold,
    stream_order,
)
from streams.canonical.state import Canonicalizer
from streams.schemas import Event

TOTAL = 10_000


def shifted(event: Event, copy: int) -> Event:
    days = timedelta(days=copy)
    when = event.when.model_copy(
        update={"date": None}
        if not event.when.date
        else {"date": (event.when.date and _shift(event.when.date, copy))}
    )
    return event.model_copy(
        update={
            "event_id": f"{event.event_id}-{copy}",
            "article_id": f"{event.article_id}-{copy}",
            "published_at": event.published_at + days if event.published_at else None,
            "extracted_at": event.extracted_at + days,
            "when": when,
        }
    )


def _shift(day: str, copy: int) -> str:
    from datetime import date

    return (date.fromisoformat(day[:10]) + timedelta(days=copy)).isoformat()


def state_bytes(engine: Canonicalizer) -> int:
    values = [*engine.blocks.values(), *engine.canonicals.values()]
    return sum(len(json.dumps(v, separators=(",", ":"))) for v in values if v is not None)


def main() -> None:
    rows = load_gold(GOLD_DIR / "clusters.jsonl")
    base = stream_order(extract_articles(ARTICLE_SOURCES, {r.article_id for r in rows}))
    engine = Canonicalizer()
    peak = seen = copy = 0
    started = time.perf_counter()
    while seen < TOTAL:
        for event in base:
            if seen >= TOTAL:
                break
            engine.process(shifted(event, copy))
            seen += 1
            if seen % 500 == 0:
                peak = max(peak, state_bytes(engine))
        copy += 1
    seconds = time.perf_counter() - started
    print(
        f"{seen} events ({len(base)} gold events x {copy} day-shifted copies): "
        f"{engine.size()} live canonical events, {state_bytes(engine) / 1e6:.2f} MB state at "
        f"the end, {peak / 1e6:.2f} MB at most; {seen / seconds:.0f} events/s offline"
    )


if __name__ == "__main__":
    main()
