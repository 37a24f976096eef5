"""Build accuracy sets from real text.

.venv/bin/python -m benchmarks.accuracy acled build      # ACLED rows -> .cache/acled/
.venv/bin/python -m benchmarks.accuracy table            # the README's accuracy tables
.venv/bin/python -m streams.evaluate .cache/acled/rows.jsonl [--sample] [--half tune]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from benchmarks.accuracy import acled, table


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.accuracy",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sets = parser.add_subparsers(dest="set", required=True)
    acled_set = sets.add_parser("acled", help="ACLED-coded notes (rows stay in the cache)")
    actions = acled_set.add_subparsers(dest="action", required=True)
    build = actions.add_parser(
        "build",
        help="read the listed exports from the mirrors and write the cache",
        description=acled.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    build.add_argument(
        "--mirrors",
        type=Path,
        default=acled.DEFAULT_MIRRORS,
        help="folder of fetched repositories, <owner>+<name>/repo (default %(default)s)",
    )
    build.add_argument(
        "--exclude",
        type=Path,
        default=acled.DEFAULT_EXCLUDE,
        help="hold-out list of reserved rows to drop (default %(default)s)",
    )
    build.add_argument(
        "--cache", type=Path, default=acled.DEFAULT_CACHE, help="output folder (%(default)s)"
    )
    build.add_argument(
        "--cap",
        type=int,
        default=150,
        help="most rows per (country, sub-event type); 0 = no cap (default %(default)s)",
    )
    build.add_argument(
        "--sample-size", type=int, default=400, help="rows in the fixed sample (%(default)s)"
    )
    build.add_argument(
        "--sources", type=Path, default=acled.SOURCES_FILE, help="source list (%(default)s)"
    )
    tables = sets.add_parser(
        "table",
        help="the README's accuracy tables: every gold set and its halves, the ACLED set",
        description=table.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    tables.add_argument("--no-acled", action="store_true", help="leave out the ACLED rows")
    tables.add_argument(
        "--write-readme", action="store_true", help="rewrite the README's accuracy block"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.set == "table":
        return table.main(with_acled=not args.no_acled, write_readme=args.write_readme)
    try:
        manifest = acled.build(
            mirrors=args.mirrors,
            exclude=args.exclude,
            cache=args.cache,
            cap=args.cap,
            sample_size=args.sample_size,
            sources_file=args.sources,
        )
    except acled.BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"{manifest['rows']} rows from {manifest['countries']} countries "
        f"({manifest['sample']} in the sample); dropped: {manifest['dropped']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
