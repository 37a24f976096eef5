"""The `streams` command line: one entry point, a subcommand per job."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any

from streams import __version__
from streams.canonical.cli import add_parsers as add_canonical_parsers
from streams.errors import StreamsError
from streams.extract_cmd import add_parser as add_extract_parser
from streams.extract_cmd import use_configured_gazetteer
from streams.gazetteer_cmd import add_parser as add_gazetteer_parser
from streams.publish import PROGRESS_EVERY
from streams.settings import get_settings

DESCRIPTION = """News articles in, typed events out, on Apache Kafka.

Configuration comes from the environment (STREAMS_* and KAFKA_BOOTSTRAP_SERVERS);
with no KAFKA_BOOTSTRAP_SERVERS the local broker on 127.0.0.1:19092 is used."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # the command's own usage, not the top-level one
        args.command_parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    logging.basicConfig(
        level=getattr(args, "log_level", None) or get_settings().log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # kafka-python (the command-line clients) logs every retry; errors reach the user as
    # one `streams: error:` line instead. aiokafka (the worker) keeps its warnings.
    logging.getLogger("kafka").setLevel(logging.CRITICAL)
    logging.getLogger("aiokafka").setLevel(logging.WARNING)
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
    _demo_parser(sub)
    _worker_parser(sub)
    _dashboard_parser(sub)
    _broker_parser(sub)
    _topics_parser(sub)
    _publish_parser(sub)
    _tail_parser(sub)
    add_extract_parser(sub)
    _evaluate_parser(sub)
    _schemas_parser(sub)
    add_canonical_parsers(sub)
    add_gazetteer_parser(sub)
    return parser


def _demo_parser(sub: argparse._SubParsersAction[Any]) -> None:
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
    demo.set_defaults(handler=_demo, command_parser=demo)


def _worker_parser(sub: argparse._SubParsersAction[Any]) -> None:
    worker = sub.add_parser(
        "worker",
        help="run one extraction worker (a faust worker)",
        description="Consume `articles`, publish events to `events` and "
        "`events.<category>`, rejects to `articles.dlq`; serves /metrics. "
        "Workers with the same STREAMS_APP_ID share the work; on one host each "
        "needs its own /metrics port (--web-port, or 0 for any free port): a "
        "taken port stops the worker with one line before it joins the group.",
    )
    worker.add_argument(
        "--web-port",
        type=int,
        help="port of /metrics (default STREAMS_WEB_PORT, 6066); 0 = any free port",
    )
    worker.set_defaults(handler=_worker, command_parser=worker)


def _dashboard_parser(sub: argparse._SubParsersAction[Any]) -> None:
    dashboard = sub.add_parser(
        "dashboard",
        help="serve the live map of events and the workers' throughput",
        description="A small web app of its own (a Kafka consumer, not a worker): a world "
        "map of the last STREAMS_DASHBOARD_HOURS hours of events, read from events.canonical "
        "when that topic exists, else from events, with filters and live updates "
        "(server-sent events); and throughput summed over the workers' /metrics pages "
        "(STREAMS_DASHBOARD_METRICS_URLS, a JSON list; default the local worker's). "
        "Binds 127.0.0.1 unless --host says otherwise; serves GET only.",
    )
    dashboard.add_argument("--host", help="bind address (default STREAMS_DASHBOARD_HOST)")
    dashboard.add_argument(
        "--port", type=int, help="port (default STREAMS_DASHBOARD_PORT, 6070); 0 = any free port"
    )
    dashboard.add_argument("--hours", type=float, help="time window of the map, hours")
    dashboard.add_argument(
        "--metrics-url",
        action="append",
        dest="metrics_urls",
        metavar="URL",
        help="a worker's /metrics URL (repeat for each worker)",
    )
    dashboard.set_defaults(handler=_dashboard, command_parser=dashboard)


def _broker_parser(sub: argparse._SubParsersAction[Any]) -> None:
    broker = sub.add_parser(
        "broker",
        help="start, stop or inspect the local Kafka broker",
        description="A single-node Apache Kafka (KRaft) from jars that Maven "
        "fetches into var/kafka; needs java and mvn.",
    )
    broker.add_argument("action", choices=["start", "stop", "status"])
    broker.add_argument("--reset", action="store_true", help="with start: wipe the broker's data")
    broker.set_defaults(handler=_broker, command_parser=broker)


def _topics_parser(sub: argparse._SubParsersAction[Any]) -> None:
    topics = sub.add_parser(
        "topics",
        help="create or list the project's topics",
        description="create: articles, articles.dlq, events and one "
        "events.<category> per category (STREAMS_PARTITIONS partitions). "
        "list: each of them as the broker has it, with its partition count, or "
        "'missing'; exit 1 when the broker cannot be reached.",
    )
    topics.add_argument("action", choices=["create", "list"])
    topics.set_defaults(handler=_topics, command_parser=topics)


def _publish_parser(sub: argparse._SubParsersAction[Any]) -> None:
    publish = sub.add_parser(
        "publish",
        help="send articles from files to the articles topic",
        description="PATH: .txt (optional header lines Title:, Date:, "
        "Source:, Url:, Id:, then a blank line), .json (object or list), "
        ".jsonl, a folder of those, or - for JSONL on stdin. Every article is "
        "acknowledged by the broker before the command exits; large inputs print a "
        f"progress line (count and rate) to stderr every {PROGRESS_EVERY:,} articles. "
        "An article over STREAMS_MAX_ARTICLE_BYTES is refused; an unreachable broker "
        "is one error line within seconds.",
    )
    publish.add_argument("paths", nargs="+", metavar="PATH")
    publish.add_argument("--topic", help="topic to send to (default: articles)")
    publish.set_defaults(handler=_publish, command_parser=publish)


def _tail_parser(sub: argparse._SubParsersAction[Any]) -> None:
    tail = sub.add_parser(
        "tail",
        help="print the messages of a topic",
        description="Events are printed one readable line each, other "
        "topics as text; --json prints the raw values. A topic that does not "
        "exist is an error (exit 1).",
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
    tail.set_defaults(handler=_tail, command_parser=tail)


def _evaluate_parser(sub: argparse._SubParsersAction[Any]) -> None:
    evaluate = sub.add_parser(
        "evaluate",
        help="score extraction against a gold set",
        description="Precision, recall and F1 per field over GOLD "
        "(a .jsonl file or a folder of them).",
    )
    evaluate.add_argument("gold")
    evaluate.add_argument("rest", nargs=argparse.REMAINDER, help="options of the evaluator")
    evaluate.set_defaults(handler=_evaluate, command_parser=evaluate)


def _schemas_parser(sub: argparse._SubParsersAction[Any]) -> None:
    schemas = sub.add_parser(
        "schemas",
        help="write (or --check) the JSON Schema files",
        description="Generate schemas/*.json from the pydantic models.",
    )
    schemas.add_argument("--check", action="store_true", help="exit 1 when files are stale")
    schemas.set_defaults(handler=_schemas, command_parser=schemas)


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
    if args.web_port is not None:
        settings = settings.model_copy(update={"web_port": args.web_port})
    return run_worker(settings)


def _dashboard(args: argparse.Namespace) -> int:
    from streams.dashboard.run import run_dashboard

    overrides = {
        "dashboard_host": args.host,
        "dashboard_port": args.port,
        "dashboard_hours": args.hours,
        "dashboard_metrics_urls": args.metrics_urls,
    }
    settings = get_settings().model_copy(
        update={k: v for k, v in overrides.items() if v is not None}
    )
    return run_dashboard(settings)


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
    from streams.topics import create_topics, topics_report

    settings = get_settings()
    if args.action == "list":
        lines, missing = topics_report(settings)
        print("\n".join(lines))
        if missing:
            print(
                f"{missing} topic(s) missing: `streams topics create` makes them", file=sys.stderr
            )
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


def _evaluate(args: argparse.Namespace) -> int:
    from streams.evaluate import main as evaluate_main

    use_configured_gazetteer()

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
