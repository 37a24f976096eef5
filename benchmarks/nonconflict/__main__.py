"""python -m benchmarks.nonconflict [build] [--half tune|check] [--engine ...] [--json]"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from benchmarks import nonconflict
from benchmarks.nonconflict import build, second
from streams.evaluate import GoldFileError


def _set_path(value: str) -> Path:
    return nonconflict.SETS.get(value) or Path(value)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.nonconflict",
        description=nonconflict.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("action", nargs="?", choices=("measure", "build"), default="measure")
    parser.add_argument("--half", choices=("tune", "check"))
    parser.add_argument("--engine", choices=("legacy", "spacy", "both"), default="both")
    parser.add_argument(
        "--set",
        type=_set_path,
        default=nonconflict.SET,
        help="first (default), second (the tuning set), or a gold-format file",
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N texts")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quiet", action="store_true", help="no list of spurious events")
    parser.add_argument("--mirrors", type=Path, default=build.DEFAULT_MIRRORS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.action == "build":
        print(json.dumps({"first": build.build(args.mirrors)}))
        print(json.dumps({"second": second.build_second(args.mirrors)}))
        return 0
    from streams.extraction import extract

    try:
        texts = nonconflict.load(args.set, args.half)
    except GoldFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.limit:
        texts = texts[: args.limit]
    engines = ("legacy", "spacy") if args.engine == "both" else (args.engine,)
    results = [
        nonconflict.count(texts, lambda a, e=engine: extract(a, engine=e), engine)
        for engine in engines
    ]
    if args.json:
        print(json.dumps({"half": args.half, "results": [r.as_dict() for r in results]}, indent=1))
    else:
        print(f"set {args.set.name}, half {args.half or 'all'}: {len(texts)} texts")
        for result in results:
            print(nonconflict.format_result(result, spurious=not args.quiet))
    return 0


if __name__ == "__main__":
    sys.exit(main())
