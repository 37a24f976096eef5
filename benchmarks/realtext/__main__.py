"""python -m benchmarks.realtext build [SET ...] [--mirrors DIR] [--cache DIR] [--texts FILE]"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from benchmarks import mirrors as mirrors_io
from benchmarks import realtext


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.realtext", description=realtext.__doc__
    )
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="write the stand-off sets with their texts to the cache")
    build.add_argument(
        "sets", nargs="*", help=f"which sets (default all: {', '.join(realtext.SETS)})"
    )
    build.add_argument("--mirrors", type=Path, default=mirrors_io.DEFAULT_MIRRORS)
    build.add_argument("--cache", type=Path, help="default .cache/realtext")
    build.add_argument(
        "--texts",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="a gold-format file whose texts are taken, by sha256, where a mirror cannot give them",
    )
    args = parser.parse_args(argv)
    _, errors = realtext.build(args.sets, mirrors=args.mirrors, cache=args.cache, texts=args.texts)
    for name, error in errors.items():
        print(f"error: {name}: {error}")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
