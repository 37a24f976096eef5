"""Score an extractor against a hand-annotated gold set (tests/gold/*.jsonl).

Gold format: one JSON object per line, validated by `GoldItem` (extra keys forbidden)::

    {"id": "...", "text": "...", "published_at": "2024-01-24T08:00:00Z", "title": "...",
     "expected": [{"event_type": "missile_attack", "acled_event_type": "Explosions/Remote violence",
                   "status": "occurred",
                   "actors": [{"role": "initiator", "name": "Russia", "country": "RUS"}],
                   "locations": [{"name": "Pavlohrad", "country": "UKR", "admin1_code": "UA-12",
                                  "latitude": 48.53, "longitude": 35.87}],
                   "date": "2024-01-23", "killed": 1, "injured": null}]}

A *stand-off* set (real text from public repositories) has a `locator` in place of `text`
(tests/gold/README.md, "Stand-off sets"); its texts are read from the cache that
`python -m benchmarks.realtext build` writes, or the command stops with exit code 2 and says so.

`killed` / `injured` are an integer or `{"value": 6, "qualifier": "at_least"}`; only the value
is scored. A text whose `expected` list is empty is a *no-event text*.

Alignment (per text). Every (expected, predicted) pair of the same category is a candidate;
candidates are ranked by, in order: same event_type, a location within 25 km (or same name
when a side lacks coordinates), same date, smaller distance between the closest locations.
The best pair is taken greedily, then the next best among the events still free, and so on.
Pairs of different categories are never aligned.

Counting. Each field is scored over aligned pairs and unaligned events:

- scalar fields (event_type, acled_event_type, status, date, killed, injured), for an aligned pair:
  both sides have the value and agree -> TP; both have it and disagree -> FP + FN;
  only the prediction has it -> FP; only gold has it -> FN; neither -> not counted.
  An unaligned predicted event counts FP for each field it has; an unaligned expected event
  counts FN for each field it has.
- actors: roles initiator, target and participant are scored (speaker is read as initiator,
  addressee as target; other roles are ignored). Roles are compatible when equal or when
  either side is a participant (meetings and agreements have no direction). A predicted actor
  matches a compatible expected one when both carry a country code and the codes agree,
  otherwise when their normalized names agree (case, accents, punctuation and a leading
  "the" ignored). Each matched actor is a TP, each
  expected actor left over a FN, each predicted one left over a FP.
- actor_names (an extra figure beside the fields, key "actor_names" of --json): the actors
  scored the same way, except that a shared country alone is no match: the normalized names
  must agree ('Chad' predicted for 'insurgents' in Chad is a FP and a FN here).
- location: a predicted place matches an expected one when both have coordinates and lie
  within 25 km (haversine), else when normalized names and countries agree. TP/FP/FN per place.
- admin1: the sets of ISO 3166-2 codes of the event's places; TP per shared code, FP per
  predicted-only code, FN per expected-only code.
- overall (event level): TP = aligned pairs with the same event_type; FP = other predicted
  events; FN = other expected events.

precision = TP / (TP + FP) (1.0 when nothing was predicted), recall = TP / (TP + FN)
(1.0 when nothing was expected), F1 = their harmonic mean (0.0 when both are 0).
"conflict events on no-event texts" counts predicted events of category conflict on texts with
no expected event; it must stay 0.

Run: `python -m streams.evaluate tests/gold/dev.jsonl [--json] [--worst N]`. The same command
scores ACLED-coded notes (detected by content, or `--format acled`); see streams.evaluate_acled.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from streams.evaluation.gold import (
    ACLED_EVENT_TYPES,
    ACLED_SUB_EVENT_TYPES,
    EVENT_CATEGORY,
    GoldActor,
    GoldCount,
    GoldEvent,
    GoldFileError,
    GoldItem,
    GoldLocation,
    Half,
    Locator,
    StandOffItem,
    half_of,
    load_annotations,
    load_gold,
)
from streams.evaluation.match import (
    EARTH_RADIUS_KM,
    MATCH_KM,
    SCORED_ROLES,
    Flat,
    Place,
    actors_match,
    align,
    flat_event,
    flat_gold,
    haversine_km,
    match_lists,
    normalize_name,
    place_distance,
    places_match,
)
from streams.evaluation.score import (
    FIELDS,
    GOLD_DRIVEN_FIELDS,
    SCALAR_FIELDS,
    FieldScore,
    Predictor,
    Report,
    TextResult,
    evaluate,
    format_report,
    score_pair,
    score_text,
)

__all__ = [
    "ACLED_EVENT_TYPES",
    "ACLED_SUB_EVENT_TYPES",
    "EARTH_RADIUS_KM",
    "EVENT_CATEGORY",
    "FIELDS",
    "GOLD_DRIVEN_FIELDS",
    "MATCH_KM",
    "SCALAR_FIELDS",
    "SCORED_ROLES",
    "FieldScore",
    "Flat",
    "GoldActor",
    "GoldCount",
    "GoldEvent",
    "GoldFileError",
    "GoldItem",
    "GoldLocation",
    "Half",
    "Locator",
    "Place",
    "Predictor",
    "Report",
    "StandOffItem",
    "TextResult",
    "actors_match",
    "align",
    "evaluate",
    "flat_event",
    "flat_gold",
    "format_report",
    "half_of",
    "haversine_km",
    "load_annotations",
    "load_gold",
    "main",
    "match_lists",
    "normalize_name",
    "place_distance",
    "places_match",
    "score_pair",
    "score_text",
]


def _default_predictor() -> Predictor:
    # Imported by name at run time: this module must import before extraction exists.
    module = importlib.import_module("streams.extraction")
    predict: Predictor = module.extract
    return predict


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="streams evaluate",
        description="Score extraction against a gold set, or against ACLED-coded notes "
        "(the cache `python -m benchmarks.accuracy acled build` writes).",
    )
    parser.add_argument("gold", type=Path, help="a gold .jsonl file or a folder of them")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="list the N worst texts")
    parser.add_argument(
        "--format",
        choices=("auto", "gold", "acled"),
        default="auto",
        help="input format (default: detected from the first line)",
    )
    parser.add_argument(
        "--half",
        choices=("tune", "check"),
        help="only one fixed half of the texts or rows (by a hash of the id): tune on one, "
        "check on the other",
    )
    parser.add_argument(
        "--compare",
        action="store_true",
        help="run both engines (legacy, spacy) and print their scores side by side",
    )
    acled = parser.add_argument_group("ACLED rows only")
    acled.add_argument("--sample", action="store_true", help="only the fixed random sample")
    acled.add_argument(
        "--min-rows",
        type=int,
        default=20,
        metavar="N",
        help="in the text report, list split groups of N or more rows (default 20)",
    )
    return parser


def _main_acled(args: argparse.Namespace) -> int:
    from streams import evaluate_acled as acled

    try:
        rows = acled.load_rows(args.gold, sample=args.sample, half=args.half)
    except acled.AcledFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.compare:
        from streams.evaluate_compare import compare_acled

        print(compare_acled(list(rows), args.json))
        return 0
    report = acled.evaluate_rows(rows, _default_predictor())
    if args.json:
        print(json.dumps(report.as_dict(worst=args.worst), indent=2))
    else:
        print(acled.format_report(report, min_rows=args.min_rows))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    fmt = args.format
    if fmt == "auto":
        from streams.evaluate_acled import is_acled_file

        fmt = "acled" if args.gold.is_file() and is_acled_file(args.gold) else "gold"
    if fmt == "acled":
        return _main_acled(args)
    if args.sample:
        parser.error("--sample applies to ACLED rows only")
    try:
        items = load_gold(args.gold)
    except GoldFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.half:
        items = [item for item in items if half_of(item.id) == args.half]
    if args.compare:
        from streams.evaluate_compare import compare_gold

        print(compare_gold(items, args.json))
        return 0
    report = evaluate(items, _default_predictor())
    if args.json:
        print(json.dumps(report.as_dict(worst=args.worst), indent=2))
    else:
        print(format_report(report, worst=args.worst))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
