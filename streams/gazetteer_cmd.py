"""`streams gazetteer import FILE`: the village index from a GeoNames dump a user downloaded."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from streams.settings import DEFAULT_GAZETTEER_INDEX, get_settings

IMPORT_HELP = """Build the village index from a GeoNames dump: allCountries.txt or a per-country
file such as UA.txt (tab-separated, GeoNames' 19 columns), or the .zip GeoNames serves it in
(https://download.geonames.org/export/dump/). Populated places (feature class P) and admin areas
(class A) are kept with name, ASCII name, up to 10 Latin-script alternate names, coordinates,
country, admin1 code, population and feature code. The index is written to --output, else to
STREAMS_GAZETTEER_INDEX, else to var/gazetteer/geonames.sqlite; the extractor uses it when
STREAMS_GAZETTEER_INDEX names it. Long imports print a progress line every 500,000 lines."""


def add_parser(sub: Any) -> None:
    """Add `gazetteer import` to the CLI's subcommands."""
    gazetteer = sub.add_parser(
        "gazetteer",
        help="build the village index from a GeoNames dump",
        description="Manage the optional GeoNames village index (see `gazetteer import -h`).",
    )
    actions = gazetteer.add_subparsers(title="actions", metavar="ACTION", required=True)
    imp = actions.add_parser(
        "import",
        help="index a GeoNames dump (allCountries.txt, XX.txt or its .zip)",
        description=IMPORT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    imp.add_argument("file", type=Path, metavar="FILE", help="the GeoNames dump (.txt or .zip)")
    imp.add_argument("--output", type=Path, help="where to write the index")
    imp.add_argument(
        "--countries",
        default="",
        help="keep only these ISO country codes, comma-separated (e.g. UA,RU): a smaller "
        "index from allCountries.txt",
    )
    imp.set_defaults(handler=run_import, command_parser=imp)


def run_import(args: argparse.Namespace) -> int:
    from streams.extraction.geonames_index import build_index

    configured = get_settings().gazetteer_index
    target: Path = args.output or configured or DEFAULT_GAZETTEER_INDEX
    countries = frozenset(c.strip().upper() for c in args.countries.split(",") if c.strip())

    def progress(line: str) -> None:
        print(f"streams: gazetteer import: {line}", file=sys.stderr, flush=True)

    report = build_index(args.file, target, countries=countries, progress=progress)
    print(report.describe())
    if configured is None or configured.resolve() != target.resolve():
        print(f"to use it: export STREAMS_GAZETTEER_INDEX={target}")
    return 0
