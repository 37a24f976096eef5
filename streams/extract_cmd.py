"""`streams extract`: articles in (JSONL on stdin, or files), one event JSON per line out,
offline, without Kafka."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from streams.errors import StreamsError

if TYPE_CHECKING:
    from streams.schemas import Article


def add_parser(sub: argparse._SubParsersAction[Any]) -> None:
    """Add `extract` to the CLI's subcommands."""
    extract = sub.add_parser(
        "extract",
        help="extract events offline, without Kafka",
        description="Read articles as JSONL on stdin (keys id, text, "
        "published_at, optional title, url, source) or from PATHs (.txt, "
        ".json, .jsonl) and write one event JSON per line on stdout. "
        "published_at may also be called date, publishedAt, published, "
        "pub_date, publication_date or datetime; without it, a text that opens "
        "with a date is dated by it. Other keys are kept in metadata. "
        "STREAMS_GAZETTEER chooses the GeoNames town file (cities500 ... "
        "cities15000, default cities1000). Articles from files are extracted "
        "in batches (the language model runs once over their sentences), so "
        "events come out a batch at a time, in input order.",
    )
    extract.add_argument("paths", nargs="*", metavar="PATH", help="article files; none: read stdin")
    extract.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when any input article is invalid (default: skip it "
        "with a message on stderr and go on)",
    )
    extract.add_argument(
        "--batch",
        type=_positive_int,
        metavar="N",
        help=f"articles extracted together (default {EXTRACT_BATCH} from files, 1 from "
        "stdin so a live pipe gets each article's events at once); the events are the "
        "same whatever N",
    )
    extract.set_defaults(handler=_extract, command_parser=extract)


EXTRACT_BATCH = 32
"""Articles `streams extract` runs together by default: the model's batch across articles
(benchmarks.engines: about 10-20% more articles/s than one at a time)."""


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text}: must be 1 or more")
    return value


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _extract(args: argparse.Namespace) -> int:
    from streams.articles_io import read_articles
    from streams.extraction import extract_many

    for path in args.paths:
        if path != "-" and not Path(path).exists():
            raise StreamsError(f"{path}: no such file or folder")
    use_configured_gazetteer()

    skipped: list[str] = []

    def skip(error: StreamsError) -> None:
        skipped.append(str(error))
        print(f"streams: skipped {error}", file=sys.stderr)

    size = args.batch or (EXTRACT_BATCH if args.paths and "-" not in args.paths else 1)
    articles = events = 0
    loaded = read_articles(args.paths or ["-"], on_error=skip)
    for batch in _batches((item.article for item in loaded), size):
        articles += len(batch)
        for found in extract_many(batch):
            for event in found:
                sys.stdout.write(event.model_dump_json() + "\n")
                events += 1
        sys.stdout.flush()
    sys.stdout.flush()
    print(
        f"extracted {events} event(s) from {articles} article(s); {len(skipped)} skipped",
        file=sys.stderr,
    )
    return 1 if args.strict and skipped else 0


def use_configured_gazetteer() -> None:
    """The town file of the settings (STREAMS_GAZETTEER)."""
    from streams.extraction.gazetteer import use_dataset
    from streams.settings import get_settings

    use_dataset(get_settings().gazetteer)
