"""Agreement between two independent codings of the same texts (inter-annotator agreement).

One coding is read as gold and the other as prediction, and every field is scored exactly as
`streams evaluate` scores the extractor; F1 is symmetric, so which side is which does not
change it. Only texts that both files code are compared.

Run: `python -m benchmarks.agreement FIRST.jsonl SECOND.jsonl [--json]`.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from streams import evaluate as ev

Coded = ev.GoldItem | ev.StandOffItem


def agreement(first: Sequence[Coded], second: Sequence[Coded]) -> ev.Report:
    """Field scores of `second` against `first`, over the texts both code (the codings only:
    a stand-off set needs no built texts here)."""
    other = {item.id: item for item in second}
    report = ev.Report()
    for item in first:
        if item.id not in other:
            continue
        result = ev.score_text(
            item.id,
            [ev.flat_gold(e) for e in item.expected],
            [ev.flat_gold(e) for e in other[item.id].expected],
        )
        report.texts.append(result)
        for name, score in result.scores.items():
            report.fields[name].add(score.tp, score.fp, score.fn)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.agreement",
        description="Per-field agreement (F1) between two codings of the same texts.",
    )
    parser.add_argument("first", type=Path, help="a gold .jsonl file (first annotator)")
    parser.add_argument("second", type=Path, help="a gold .jsonl file (second annotator)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="list N texts")
    args = parser.parse_args(argv)
    report = agreement(ev.load_annotations(args.first), ev.load_annotations(args.second))
    if not report.texts:
        print("error: the two files share no text id")
        return 2
    if args.json:
        print(json.dumps(report.as_dict(worst=args.worst), indent=2))
    else:
        print(ev.format_report(report, worst=args.worst))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
