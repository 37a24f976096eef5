"""Benchmark harness: extraction speed, end-to-end throughput and latency on the real broker,
worker memory, scaling with article length, and the plumbing limit.

    .venv/bin/python -m benchmarks.run            # full run (several minutes)
    .venv/bin/python -m benchmarks.run --quick    # smaller corpus, fewer repeats

Prints a table and writes the JSON report to benchmarks/results/latest.json. Uses
KAFKA_BOOTSTRAP_SERVERS when set, else starts the local broker on its own ports.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.corpus import article_of_size, build_corpus
from benchmarks.harness import Run, free_port, peak_rss_mb, produce, read_all
from benchmarks.plumbing import plumbing_rate
from streams import broker
from streams.extraction import run_extraction
from streams.schemas import Article
from streams.settings import Settings

RESULTS = Path(__file__).resolve().parent / "results"
SIZES_KB = (1, 2, 5, 10, 20, 50, 100)


def progress(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def median_of(runs: int, measure: Callable[[], float]) -> tuple[float, list[float]]:
    values = [measure() for _ in range(runs)]
    return statistics.median(values), values


def bench_extraction(articles: list[Article], runs: int) -> dict[str, Any]:
    def once() -> float:
        started = time.perf_counter()
        for article in articles:
            run_extraction(article)
        return len(articles) / (time.perf_counter() - started)

    run_extraction(articles[0])  # load lexicons and gazetteer outside the timing
    rate, values = median_of(runs, once)
    words = statistics.median(len(a.text.split()) for a in articles)
    return {"articles_per_second": rate, "runs": values, "median_words": words}


def bench_per_extractor(articles: list[Article]) -> dict[str, float]:
    """Milliseconds per article in annotation, each registered extractor, and merging."""
    from streams.extraction.annotate import annotate
    from streams.extraction.normalize import merge
    from streams.extraction.registry import registered

    totals: dict[str, float] = {"(annotate)": 0.0, "(merge)": 0.0}
    for article in articles:
        started = time.perf_counter()
        doc = annotate(article)
        totals["(annotate)"] += time.perf_counter() - started
        protos = []
        for entry in registered():
            started = time.perf_counter()
            protos.extend(entry.fn(doc))
            name = f"{entry.name}@{entry.version}"
            totals[name] = totals.get(name, 0.0) + time.perf_counter() - started
        started = time.perf_counter()
        merge(protos)
        totals["(merge)"] += time.perf_counter() - started
    return {name: seconds * 1000 / len(articles) for name, seconds in totals.items()}


def bench_scaling(runs: int) -> list[dict[str, float]]:
    rows = []
    for size_kb in SIZES_KB:
        article = Article(
            id=f"size-{size_kb}",
            text=article_of_size(size_kb * 1024),
            published_at="2025-10-22T08:00:00Z",
        )  # type: ignore[arg-type]
        repeat = max(1, 200 // size_kb)

        def once(article: Article = article, repeat: int = repeat) -> float:
            started = time.perf_counter()
            for _ in range(repeat):
                run_extraction(article)
            return (time.perf_counter() - started) / repeat

        seconds, _ = median_of(runs, once)
        rows.append(
            {"kb": size_kb, "ms_per_article": seconds * 1000, "ms_per_kb": seconds * 1000 / size_kb}
        )
    return rows


def bench_end_to_end(
    bootstrap: str, corpus: list[dict[str, Any]], workers: int, log_dir: Path, partitions: int
) -> dict[str, float]:
    run = Run(bootstrap, partitions, log_dir)
    try:
        for _ in range(workers):
            run.start_worker()
        run.wait_assigned()
        time.sleep(1.0)
        produce(bootstrap, run.topic("articles"), corpus)
        first = last = None
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            done = run.processed()
            now = time.monotonic()
            if first is None and done > 0:
                first = (now, done)
            if done >= len(corpus):
                last = now
                break
            time.sleep(0.05)
        if first is None or last is None:
            raise RuntimeError("end-to-end run did not finish")
        rate = (len(corpus) - first[1]) / max(last - first[0], 1e-6)
        rss = max(peak_rss_mb(worker.process.pid) for worker in run.workers)
        return {"articles_per_second": rate, "peak_rss_mb": rss}
    finally:
        run.stop()


def bench_latency(
    bootstrap: str,
    corpus: list[dict[str, Any]],
    rate: float,
    seconds: float,
    *,
    log_dir: Path,
    partitions: int,
) -> dict[str, float]:
    run = Run(bootstrap, partitions, log_dir)
    count = max(200, int(rate * seconds))
    articles = [
        dict(article, id=f"lat-{index}-{article['id']}")
        for index, article in enumerate((corpus * (count // len(corpus) + 1))[:count])
    ]
    try:
        run.start_worker()
        run.wait_assigned()
        time.sleep(1.0)
        sent_at = produce(bootstrap, run.topic("articles"), articles, rate=rate)
        deadline = time.monotonic() + 120
        while run.processed() < count and time.monotonic() < deadline:
            time.sleep(0.2)
        records = read_all(bootstrap, run.topic("events"), expected=1, timeout=10)
        records += read_all(bootstrap, run.topic("events"), expected=10**9, timeout=5)
        latest: dict[str, float] = {}
        for record in records:
            article_id = json.loads(record.value)["article_id"]
            latest[article_id] = max(latest.get(article_id, 0.0), record.timestamp / 1000.0)
        latencies = sorted(latest[a] - sent_at[a] for a in latest if a in sent_at)
        rss = peak_rss_mb(run.workers[0].process.pid)
    finally:
        run.stop()
    if not latencies:
        raise RuntimeError("no events for latency measurement")
    return {
        "offered_rate": rate,
        "articles": count,
        "measured": len(latencies),
        "p50_ms": _pct(latencies, 50),
        "p95_ms": _pct(latencies, 95),
        "p99_ms": _pct(latencies, 99),
        "peak_rss_mb": rss,
    }


def _pct(values: list[float], pct: float) -> float:
    index = min(len(values) - 1, round(pct / 100 * (len(values) - 1)))
    return values[index] * 1000


def bench_plumbing(
    bootstrap: str, corpus: list[dict[str, Any]], log_dir: Path, partitions: int
) -> float:
    run = Run(bootstrap, partitions, log_dir)
    produce(bootstrap, run.topic("articles"), corpus)
    return plumbing_rate(
        bootstrap,
        run.topic("articles"),
        run.topic("events"),
        len(corpus),
        group=f"plumbing-{run.prefix}",
    )


def start_broker() -> tuple[str, Settings | None]:
    if os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        return os.environ["KAFKA_BOOTSTRAP_SERVERS"], None
    home = Path(tempfile.mkdtemp(prefix="bench-kafka-"))
    settings = Settings(
        bootstrap_servers=None,
        broker_port=free_port(),
        broker_controller_port=free_port(),
        broker_home=home,
    )
    progress("starting a local broker for the benchmark")
    broker.start(settings)
    return settings.bootstrap, settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="benchmarks.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--quick", action="store_true", help="small corpus, one repeat")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3, help="repeats; medians are reported")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--skip-kafka", action="store_true", help="extraction benchmarks only")
    args = parser.parse_args(argv)
    size, runs = (300, 1) if args.quick else (args.articles, args.runs)
    corpus = build_corpus(size)
    dicts = [article.as_json_dict() for article in corpus]
    articles = [Article.model_validate(d) for d in dicts]
    report: dict[str, Any] = {"articles": size, "runs": runs, "machine_cores": os.cpu_count()}

    progress(f"extraction alone over {size} articles x {runs}")
    report["extraction"] = bench_extraction(articles, runs)
    report["per_extractor_ms"] = bench_per_extractor(articles)
    four_hundred = [a for a in articles if 300 <= len(a.text.split()) <= 500]
    report["extraction_400_words"] = bench_extraction(four_hundred, runs)
    progress("scaling with article length")
    report["scaling"] = bench_scaling(runs)

    if not args.skip_kafka:
        bootstrap, local = start_broker()
        log_dir = Path(tempfile.mkdtemp(prefix="bench-logs-"))
        try:
            report["end_to_end"] = _kafka_benchmarks(
                bootstrap, dicts, runs, log_dir, args.partitions
            )
        finally:
            if local is not None:
                broker.stop(local)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2) + "\n")
    print(render_table(report))
    return 0


def _kafka_benchmarks(
    bootstrap: str, dicts: list[dict[str, Any]], runs: int, log_dir: Path, partitions: int
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    progress("plumbing limit (plain aiokafka consume -> produce)")
    result["plumbing_per_second"], result["plumbing_runs"] = median_of(
        runs, lambda: bench_plumbing(bootstrap, dicts, log_dir, partitions)
    )
    for workers in (1, 2):
        progress(f"end to end with {workers} worker(s)")
        outcomes = [
            bench_end_to_end(bootstrap, dicts, workers, log_dir, partitions) for _ in range(runs)
        ]
        result[f"workers_{workers}"] = {
            "articles_per_second": statistics.median(o["articles_per_second"] for o in outcomes),
            "runs": [o["articles_per_second"] for o in outcomes],
            "peak_rss_mb": max(o["peak_rss_mb"] for o in outcomes),
        }
    one = result["workers_1"]["articles_per_second"]
    result["two_worker_speedup"] = result["workers_2"]["articles_per_second"] / one
    result["ratio_to_plumbing"] = one / result["plumbing_per_second"]
    progress(f"latency at half the one-worker maximum ({one / 2:.0f} articles/s)")
    latencies = [
        bench_latency(bootstrap, dicts, one / 2, 10.0, log_dir=log_dir, partitions=partitions)
        for _ in range(runs)
    ]
    result["latency"] = {
        key: statistics.median(run[key] for run in latencies)
        for key in ("offered_rate", "p50_ms", "p95_ms", "p99_ms", "peak_rss_mb")
    }
    return result


def render_table(report: dict[str, Any]) -> str:
    lines = ["| measure | value | target |", "|---|---|---|"]
    ex = report["extraction"]
    lines.append(f"| extraction, mixed corpus (1 core) | {ex['articles_per_second']:.0f} art/s | |")
    ex4 = report["extraction_400_words"]
    lines.append(
        f"| extraction, ~400-word articles (1 core) | "
        f"{ex4['articles_per_second']:.0f} art/s | >= 300 |"
    )
    e2e = report.get("end_to_end")
    if e2e:
        lines += [
            f"| plumbing limit (aiokafka loop) | {e2e['plumbing_per_second']:.0f} msg/s | |",
            f"| end to end, 1 worker | {e2e['workers_1']['articles_per_second']:.0f} art/s "
            f"({e2e['ratio_to_plumbing']:.2f}x plumbing) | >= 200 |",
            f"| end to end, 2 workers | {e2e['workers_2']['articles_per_second']:.0f} art/s "
            f"({e2e['two_worker_speedup']:.2f}x one) | >= 1.7x |",
            f"| latency p50 / p95 / p99 at {e2e['latency']['offered_rate']:.0f} art/s | "
            f"{e2e['latency']['p50_ms']:.0f} / {e2e['latency']['p95_ms']:.0f} / "
            f"{e2e['latency']['p99_ms']:.0f} ms | p99 <= 250 ms |",
            f"| worker peak RSS | {e2e['workers_1']['peak_rss_mb']:.0f} MB | <= 500 MB |",
        ]
    lines.append("")
    lines.append("| article size | ms / article | ms / KB |")
    lines.append("|---|---|---|")
    for row in report["scaling"]:
        lines.append(f"| {row['kb']} KB | {row['ms_per_article']:.2f} | {row['ms_per_kb']:.3f} |")
    lines.append("")
    lines.append("| extractor | ms / article |")
    lines.append("|---|---|")
    for name, ms in sorted(report["per_extractor_ms"].items(), key=lambda kv: -kv[1]):
        lines.append(f"| {name} | {ms:.3f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
