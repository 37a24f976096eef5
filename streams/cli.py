"""The `streams` command line: one entry point, a subcommand per job."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from streams import __version__
from streams.errors import StreamsError
from streams.gazetteer_cmd import add_parser as add_gazetteer_parser
from streams.publish import PROGRESS_EVERY
from streams.settings import get_settings

DESCRIPTION = """News articles in, typed events out, on Apache Kafka.

Configuration comes from the environment (STREAMS_* and KAFKA_BOOTSTRAP_SERVERS);
with no KAFKA_BOOTSTRAP_SERVERS the local broker on 127.0.0.1:19092 is used."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=getattr(args, "log_level", None) or get_settings().log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for noisy in ("kafka", "aiokafka"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except StreamsError as exc:
        print(f"streams: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="streams",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"streams {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    demo = sub.add_parser(
        "demo",
        help="run everything: broker, topics, worker, seeds, live events",
        description="The main job: start the local broker when none is "
        "configured, create the topics, start a worker, publish the seed "
        "articles and print events as they arrive, with /metrics served, "
        "until Ctrl-C.",
    )
    demo.add_argument(
        "--exit-after-seeds",
        action="store_true",
        help="exit once every seed article has been processed",
    )
    demo.add_argument("--seeds", default=None, help="folder of seed articles (default: seeds/)")
    demo.add_argument(
        "--timeout",
        type=float,
        default=180.0,
        help="with --exit-after-seeds: give up after this many seconds",
    )
    demo.set_defaults(handler=_demo)

    worker = sub.add_parser(
        "worker",
        help="run one extraction worker (a faust worker)",
        description="Consume `articles`, publish events to `events` and "
        "`events.<category>`, rejects to `articles.dlq`; serves /metrics.",
    )
    worker.add_argument("--web-port", type=int, help="port of /metrics (default 6066)")
    worker.set_defaults(handler=_worker)

    broker = sub.add_parser(
        "broker",
        help="start, stop or inspect the local Kafka broker",
        description="A single-node Apache Kafka (KRaft) from jars that Maven "
        "fetches into var/kafka; needs java and mvn.",
    )
    broker.add_argument("action", choices=["start", "stop", "status"])
    broker.add_argument("--reset", action="store_true", help="with start: wipe the broker's data")
    broker.set_defaults(handler=_broker)

    topics = sub.add_parser(
        "topics",
        help="create or list the project's topics",
        description="create: articles, articles.dlq, events and one "
        "events.<category> per category (STREAMS_PARTITIONS partitions).",
    )
    topics.add_argument("action", choices=["create", "list"])
    topics.set_defaults(handler=_topics)

    publish = sub.add_parser(
        "publish",
        help="send articles from files to the articles topic",
        description="PATH: .txt (optional header lines Title:, Date:, "
        "Source:, Url:, Id:, then a blank line), .json (object or list), "
        ".jsonl, a folder of those, or - for JSONL on stdin. Every article is "
        "acknowledged by the broker before the command exits; large inputs print a "
        f"progress line (count and rate) to stderr every {PROGRESS_EVERY:,} articles.",
    )
    publish.add_argument("paths", nargs="+", metavar="PATH")
    publish.add_argument("--topic", help="topic to send to (default: articles)")
    publish.set_defaults(handler=_publish)

    tail = sub.add_parser(
        "tail",
        help="print the messages of a topic",
        description="Events are printed one readable line each, other "
        "topics as text; --json prints the raw values.",
    )
    tail.add_argument("topic")
    tail.add_argument("--from-beginning", action="store_true", help="start at the oldest message")
    tail.add_argument("--json", action="store_true", help="print message values as they are")
    tail.add_argument("--headers", action="store_true", help="print headers too")
    tail.add_argument("--max", type=int, default=None, help="stop after this many messages")
    tail.add_argument(
        "--idle-timeout",
        type=float,
        default=None,
        help="stop when no message came for this many seconds",
    )
    tail.set_defaults(handler=_tail)

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
        "cities15000, default cities1000).",
    )
    extract.add_argument("paths", nargs="*", metavar="PATH", help="article files; none: read stdin")
    extract.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when any input article is invalid (default: skip it "
        "with a message on stderr and go on)",
    )
    extract.set_defaults(handler=_extract)

    evaluate = sub.add_parser(
        "evaluate",
        help="score extraction against a gold set",
        description="Precision, recall and F1 per field over GOLD "
        "(a .jsonl file or a folder of them).",
    )
    evaluate.add_argument("gold")
    evaluate.add_argument("rest", nargs=argparse.REMAINDER, help="options of the evaluator")
    evaluate.set_defaults(handler=_evaluate)

    schemas = sub.add_parser(
        "schemas",
        help="write (or --check) the JSON Schema files",
        description="Generate schemas/*.json from the pydantic models.",
    )
    schemas.add_argument("--check", action="store_true", help="exit 1 when files are stale")
    schemas.set_defaults(handler=_schemas)
    add_gazetteer_parser(sub)
    return parser


def _demo(args: argparse.Namespace) -> int:
    from streams.demo import run_demo

    return run_demo(
        get_settings(),
        seeds=args.seeds,
        exit_after_seeds=args.exit_after_seeds,
        timeout=args.timeout,
    )


def _worker(args: argparse.Namespace) -> int:
    from streams.worker import run_worker

    settings = get_settings()
    if args.web_port:
        settings = settings.model_copy(update={"web_port": args.web_port})
    return run_worker(settings)


def _broker(args: argparse.Namespace) -> int:
    from streams import broker

    settings = get_settings()
    if args.action == "start":
        state = broker.start(settings, reset=args.reset)
    elif args.action == "stop":
        state = broker.stop(settings)
    else:
        state = broker.status(settings)
    print(state.describe())
    return 0


def _topics(args: argparse.Namespace) -> int:
    from streams.topics import create_topics, topic_names

    settings = get_settings()
    if args.action == "list":
        print("\n".join(topic_names(settings)))
        return 0
    for name, state in create_topics(settings).items():
        print(f"{name}: {state}")
    return 0


def _publish(args: argparse.Namespace) -> int:
    from streams.publish import publish_paths

    report = publish_paths(get_settings(), args.paths, topic=args.topic)
    print(f"published {report.sent} article(s) in {report.seconds:.2f}s")
    return 0


def _tail(args: argparse.Namespace) -> int:
    from streams.tail import tail_topic

    tail_topic(
        get_settings(),
        args.topic,
        from_beginning=args.from_beginning,
        raw=args.json,
        show_headers=args.headers,
        limit=args.max,
        idle_timeout=args.idle_timeout,
    )
    return 0


def _use_configured_gazetteer() -> None:
    from streams.extraction.gazetteer import use_dataset

    use_dataset(get_settings().gazetteer)


def _extract(args: argparse.Namespace) -> int:
    from streams.articles_io import read_articles
    from streams.extraction import extract

    _use_configured_gazetteer()

    skipped: list[str] = []

    def skip(error: StreamsError) -> None:
        skipped.append(str(error))
        print(f"streams: skipped {error}", file=sys.stderr)

    articles = events = 0
    for loaded in read_articles(args.paths or ["-"], on_error=skip):
        articles += 1
        for event in extract(loaded.article):
            sys.stdout.write(event.model_dump_json() + "\n")
            events += 1
    sys.stdout.flush()
    print(
        f"extracted {events} event(s) from {articles} article(s); {len(skipped)} skipped",
        file=sys.stderr,
    )
    return 1 if args.strict and skipped else 0


def _evaluate(args: argparse.Namespace) -> int:
    from streams.evaluate import main as evaluate_main

    _use_configured_gazetteer()

    result: int = evaluate_main([args.gold, *args.rest])
    return result


def _schemas(args: argparse.Namespace) -> int:
    from streams.schemagen import stale_schemas, write_schemas

    if args.check:
        stale = stale_schemas()
        if stale:
            print("stale schema files (run `streams schemas`): " + ", ".join(stale))
            return 1
        print("schemas are up to date")
        return 0
    for path in write_schemas():
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
