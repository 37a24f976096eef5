"""End-to-end rate against the plumbing limits (issue 13), on one broker, in one run.

    .venv/bin/python -m benchmarks.throughput                    # this checkout's worker
    .venv/bin/python -m benchmarks.throughput --worker-root DIR  # another checkout's worker
    .venv/bin/python -m benchmarks.throughput --env STREAMS_EXTRACTION_PROCESSES=2

Measures, over the same corpus: the ack-each and pipelined consume -> produce loops,
kafka-producer-perf-test and kafka-consumer-perf-test (the broker's own tools), and one
worker end to end; prints each rate and the worker's rate as a ratio to each. JSON to
benchmarks/results/throughput-<label>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.corpus import build_corpus
from benchmarks.harness import Run
from benchmarks.plumbing import consumer_perf_test, producer_perf_test
from benchmarks.run import (
    RESULTS,
    Kafka,
    bench_end_to_end,
    bench_plumbing,
    progress,
    start_broker,
)
from streams import broker
from streams.settings import Settings

PERF_RECORDS = 200_000


def _perf_tools(kafka: Kafka, local: Settings, size: int) -> dict[str, float]:
    run = Run(kafka.bootstrap, kafka.partitions, kafka.log_dir)
    topic = run.topic("articles")
    produced = producer_perf_test(local, kafka.bootstrap, topic, PERF_RECORDS, size)
    consumed = consumer_perf_test(local, kafka.bootstrap, topic, PERF_RECORDS)
    return {"producer_perf_test": produced, "consumer_perf_test": consumed}


def measure(kafka: Kafka, local: Settings, articles: int, runs: int) -> dict[str, Any]:
    corpus = [article.as_json_dict() for article in build_corpus(articles)]
    size = int(statistics.median(len(json.dumps(article)) for article in corpus))
    report: dict[str, Any] = {"articles": articles, "median_article_bytes": size}
    progress("plumbing: ack-each and pipelined loops")
    report["ack_each"] = statistics.median(bench_plumbing(kafka, corpus) for _ in range(runs))
    report["pipelined"] = statistics.median(
        bench_plumbing(kafka, corpus, pipelined=True) for _ in range(runs)
    )
    progress("kafka-producer-perf-test and kafka-consumer-perf-test")
    report.update(_perf_tools(kafka, local, size))
    progress("one worker end to end (one untimed warm-up pass)")
    bench_end_to_end(kafka, corpus, 1)
    outcomes = [bench_end_to_end(kafka, corpus, 1) for _ in range(runs)]
    report["end_to_end"] = statistics.median(o["articles_per_second"] for o in outcomes)
    # The machine may be shared: what else ran, and the worker's own CPU per article.
    report["end_to_end_runs"] = [
        {
            "articles_per_second": o["articles_per_second"],
            "other_cores_during": o["other_cores_during"],
            "worker_cpu_ms_per_article": o["cpu"]["worker0"]["ms_per_article"],
            "worker_cores": o["cpu"]["worker0"]["cores"],
        }
        for o in outcomes
    ]
    for limit in ("ack_each", "pipelined", "producer_perf_test", "consumer_perf_test"):
        report[f"ratio_to_{limit}"] = report["end_to_end"] / report[limit]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.throughput", description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--label", default="current")
    parser.add_argument("--worker-root", help="checkout whose `streams worker` is measured")
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the worker")
    args = parser.parse_args(argv)
    if args.worker_root:
        os.environ["STREAMS_BENCH_WORKER_ROOT"] = args.worker_root
    for pair in args.env:
        name, _, value = pair.partition("=")
        os.environ[name] = value
    bootstrap, local, pid = start_broker()
    if local is None:
        parser.error("needs the local broker (its jars run the perf tools): unset KAFKA_*")
    kafka = Kafka(bootstrap, Path(tempfile.mkdtemp(prefix="bench-logs-")), 4, pid)
    try:
        report = measure(kafka, local, args.articles, args.runs)
    finally:
        broker.stop(local)
        shutil.rmtree(local.broker_home, ignore_errors=True)
    report.update(label=args.label, worker_env=args.env, worker_root=args.worker_root)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"throughput-{args.label}.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
