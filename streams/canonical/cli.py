"""`streams canonicalize` (offline) and `streams canonical` (the canonical worker)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from streams.settings import get_settings


def add_parsers(sub: Any) -> None:
    offline = sub.add_parser(
        "canonicalize",
        help="merge event JSONL into canonical events (offline, the agent's code)",
        description="Read events (JSON Lines, as on `events`) in order and write the "
        "canonical events they merge into: the latest version of each, as a consumer of the "
        "compacted `events.canonical` topic sees them.",
    )
    offline.add_argument("events", nargs="+", type=Path, help="event .jsonl files")
    offline.add_argument("-o", "--output", type=Path, default=None, help="default: stdout")
    offline.add_argument(
        "--updates", action="store_true", help="write every message (each version, tombstones)"
    )
    offline.add_argument("--window-days", type=int, default=None, help="default: settings")
    offline.set_defaults(handler=_canonicalize, command_parser=offline)

    evaluate = sub.add_parser(
        "evaluate-canonical",
        help="B-cubed precision and recall of the cross-article merge on the gold clusters",
        description="Extract the gold articles, merge their events as the canonical agent "
        "does, and score the article clusters (B-cubed) for real clusters, retold clusters "
        "and all; exit 1 below --min-precision / --min-recall.",
    )
    evaluate.add_argument("rest", nargs=argparse.REMAINDER, help="options of the evaluator")
    evaluate.set_defaults(handler=_evaluate_canonical, command_parser=evaluate)

    worker = sub.add_parser(
        "canonical",
        help="run the canonical worker: events -> events.canonical",
        description="A faust worker of its own consumer group that re-keys `events` by "
        "blocking key and merges them in a changelog-backed table into `events.canonical`.",
    )
    worker.set_defaults(handler=_canonical_worker, command_parser=worker)


def _canonicalize(args: argparse.Namespace) -> int:
    from streams.canonical.offline import canonicalize, read_events, write_jsonl

    window = args.window_days or get_settings().canonical_window_days
    run = canonicalize(read_events(args.events), window_days=window)
    written = write_jsonl(run, args.output, updates=args.updates)
    print(
        f"{run.events} events -> {len(run.latest)} canonical events "
        f"({run.created} created, {run.updated} updates, {run.late} late; "
        f"{written} lines written)",
        file=sys.stderr,
    )
    return 0


def _evaluate_canonical(args: argparse.Namespace) -> int:
    from streams.canonical.evaluate import main

    return main(args.rest)


def _canonical_worker(args: argparse.Namespace) -> int:
    from streams.canonical.worker import run_canonical_worker

    return run_canonical_worker(get_settings())
