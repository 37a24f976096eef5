"""A fixed, stratified subset of the ACLED tune half for fast iteration, and a per-row dump.

The whole tune half (~8.4k rows) takes minutes per run on a shared core; tuning rounds run on
a subset instead and the whole half only now and then. The subset is honest by construction:

- only rows of the **tune** half (never a check-half row);
- stratified by ACLED event type and sub-event type (legacy rows without a sub-event type form
  one stratum per event type): each stratum gets its share of `--size` (largest remainder);
- inside a stratum, the rows with the smallest sha256("acled-tune-subset-v<draw>:" + event id),
  so the choice is fixed and owes nothing to how the engine does on a row. A new `--draw`
  gives a fresh subset: rules tuned on one draw are judged on another (draw 1, the first
  subset, was fitted over four rounds and overstates gains).

    python -m benchmarks.accuracy.acled_subset write [--size 1000]  # .cache/acled/tune-1000.jsonl
    python -m benchmarks.accuracy.acled_subset write --draw 2       # ...tune-1000-d2.jsonl
    streams evaluate .cache/acled/tune-1000.jsonl                   # the usual report
    python -m benchmarks.accuracy.acled_subset dump FILE OUT.jsonl  # per-row events and hits

`dump` writes, per row, what the engine found (type, sub-type, date, places, killed) and which
fields it scored, for tallying error causes; rows stay in the cache folder (never committed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from streams.evaluate_acled import AcledRow, load_rows, score_row
from streams.schemas import Event

DEFAULT_ROWS = Path(".cache/acled/rows.jsonl")


def _key(row: AcledRow, draw: int) -> str:
    salt = f"acled-tune-subset-v{draw}:"
    return hashlib.sha256((salt + row.event_id_cnty).encode("utf-8")).hexdigest()


def stratified(rows: Sequence[AcledRow], size: int, draw: int = 1) -> list[AcledRow]:
    """`size` tune-half rows, each (event type, sub-event type) stratum in proportion."""
    strata: dict[tuple[str, str], list[AcledRow]] = defaultdict(list)
    for row in rows:
        if row.half == "tune":
            strata[(row.event_type, row.sub_event_type or "-")].append(row)
    total = sum(len(members) for members in strata.values())
    if size >= total:
        return [r for members in strata.values() for r in members]
    quotas = {k: len(v) * size / total for k, v in strata.items()}
    counts = {k: int(q) for k, q in quotas.items()}
    by_remainder = sorted(quotas, key=lambda k: (counts[k] - quotas[k], k))
    for key in by_remainder[: size - sum(counts.values())]:
        counts[key] += 1
    chosen: list[AcledRow] = []
    for key in sorted(strata):
        chosen += sorted(strata[key], key=lambda row: _key(row, draw))[: counts[key]]
    return sorted(chosen, key=lambda r: r.event_id_cnty)


def _event_summary(event: Event) -> dict[str, Any]:
    killed = event.quantities.killed
    return {
        "type": event.event_type,
        "acled": [event.codes.acled_event_type, event.codes.acled_sub_event_type],
        "date": event.when.date,
        "date_text": event.when.text,
        "places": [
            [p.name, p.latitude, p.longitude, p.admin1.name if p.admin1 else None]
            for p in event.locations
        ],
        "killed": killed.value if killed else None,
    }


def dump(rows: Sequence[AcledRow], out: Path, engine: str) -> None:
    from streams.extraction import extract

    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            events = extract(row.article(), engine=engine)  # type: ignore[arg-type]
            result = score_row(row, events)
            record = {
                "id": row.event_id_cnty,
                "hits": result.hits,
                "no_event": result.no_event,
                "events": [_event_summary(e) for e in events],
            }
            handle.write(json.dumps(record) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.accuracy.acled_subset")
    actions = parser.add_subparsers(dest="action", required=True)
    write = actions.add_parser("write", help="write the stratified tune subset")
    write.add_argument("--rows", type=Path, default=DEFAULT_ROWS)
    write.add_argument("--size", type=int, default=1000)
    write.add_argument("--out", type=Path, default=None)
    write.add_argument("--draw", type=int, default=1, help="which fixed draw (1 = the first)")
    dumping = actions.add_parser("dump", help="per-row events and hits of a rows file")
    dumping.add_argument("rows", type=Path)
    dumping.add_argument("out", type=Path)
    dumping.add_argument("--engine", choices=("legacy", "spacy"), default="spacy")
    args = parser.parse_args(argv)
    if args.action == "write":
        chosen = stratified(load_rows(args.rows, half="tune"), args.size, args.draw)
        suffix = "" if args.draw == 1 else f"-d{args.draw}"
        out = args.out or args.rows.with_name(f"tune-{args.size}{suffix}.jsonl")
        out.write_text("".join(r.model_dump_json() + "\n" for r in chosen), encoding="utf-8")
        print(f"{len(chosen)} tune-half rows -> {out}", file=sys.stderr)
        return 0
    dump(load_rows(args.rows), args.out, args.engine)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
