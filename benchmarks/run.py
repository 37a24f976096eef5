"""Benchmark harness: extraction speed, end-to-end throughput and latency on the real broker,
worker memory, scaling with article length and with the place dictionary, the plumbing limit.

    .venv/bin/python -m benchmarks.run            # full run (about 10 minutes)
    .venv/bin/python -m benchmarks.run --quick    # smaller corpus, fewer repeats

Prints a table and writes the JSON report to benchmarks/results/latest.json. Uses
KAFKA_BOOTSTRAP_SERVERS when set, else starts the local broker on its own ports.

The machine may be shared: every Kafka run records the CPU each process used (workers,
broker, load generator, everything else), waits for a quiet machine before it starts, and
is measured again when other processes took more than CONTENDED_CORES during it.
`benchmarks.latency_probe` splits one article's latency into its stages.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.corpus import article_of_size, build_corpus
from benchmarks.dictionary import bench_dictionaries
from benchmarks.harness import progress
from benchmarks.kafka_runs import (
    InvalidRunError,
    Kafka,
    bench_end_to_end,
    bench_latency,
    bench_plumbing,
    start_broker,
)
from benchmarks.report_table import render_table
from streams import broker
from streams.extraction import run_extraction
from streams.schemas import Article

RESULTS = Path(__file__).resolve().parent / "results"
SIZES_KB = (1, 2, 5, 10, 20, 50, 100)
LATENCY_SECONDS = 10.0
CONTENDED_CORES = 0.3  # other processes above this during a Kafka run: measure it again

__all__ = [
    "CONTENDED_CORES",
    "RESULTS",
    "Kafka",
    "bench_end_to_end",
    "bench_extraction",
    "bench_plumbing",
    "clean_runs",
    "main",
    "progress",
    "render_table",
    "start_broker",
]


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
        )
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
    progress("dictionary size: each GeoNames city file in a fresh process")
    report["dictionary_size"] = bench_dictionaries(min(size, 1000), runs)

    if not args.skip_kafka:
        bootstrap, local, pid = start_broker()
        log_dir = Path(tempfile.mkdtemp(prefix="bench-logs-"))
        kafka = Kafka(bootstrap, log_dir, args.partitions, pid)
        try:
            report["end_to_end"] = _kafka_benchmarks(kafka, dicts, runs)
        finally:
            if local is not None:
                broker.stop(local)
                shutil.rmtree(local.broker_home, ignore_errors=True)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2) + "\n")
    print(render_table(report))
    return 0


def clean_runs(
    runs: int, measure: Callable[[], dict[str, Any]], extra: int = 3
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """`runs` results measured while the rest of the machine stayed under CONTENDED_CORES.

    A run during which other processes took more is measured again (at most `extra` more
    attempts); if too few runs were clean, the least contended ones fill in. Returns the
    runs kept and the ones set aside (both go into the JSON report).
    """
    outcomes: list[dict[str, Any]] = []
    for _ in range(2 * (runs + extra)):  # bounded, invalid runs included
        if len(outcomes) >= runs + extra:
            break
        try:
            outcomes.append(measure())
        except InvalidRunError as exc:
            progress(f"run not measurable, again: {exc}")
            continue
        other = outcomes[-1]["other_cores_during"]
        if other >= CONTENDED_CORES:
            progress(f"other processes took {other:.2f} cores during that run")
        if sum(o["other_cores_during"] < CONTENDED_CORES for o in outcomes) >= runs:
            break
    # Clean runs first (in measurement order), then the least contended.
    ranked = sorted(outcomes, key=lambda o: max(o["other_cores_during"], CONTENDED_CORES))
    kept = ranked[:runs]
    return kept, [o for o in outcomes if o not in kept]


def _kafka_benchmarks(kafka: Kafka, dicts: list[dict[str, Any]], runs: int) -> dict[str, Any]:
    result: dict[str, Any] = {}
    progress("plumbing limit (plain aiokafka consume -> produce)")
    result["plumbing_per_second"], result["plumbing_runs"] = median_of(
        runs, lambda: bench_plumbing(kafka, dicts)
    )
    progress("warming up the broker's JVM (one untimed end-to-end pass)")
    bench_end_to_end(kafka, dicts, 1)
    for workers in (1, 2):
        progress(f"end to end with {workers} worker(s)")
        outcomes, set_aside = clean_runs(
            runs, functools.partial(bench_end_to_end, kafka, dicts, workers)
        )
        result[f"workers_{workers}"] = {
            "articles_per_second": statistics.median(o["articles_per_second"] for o in outcomes),
            "after_generator_per_second": statistics.median(
                o["after_generator_per_second"] for o in outcomes
            ),
            "runs": outcomes,
            "contended_runs_set_aside": set_aside,
            "peak_rss_mb": max(o["peak_rss_mb"] for o in outcomes),
            "cpu_ms_per_article": _median_cpu(outcomes),
        }
    one = result["workers_1"]["articles_per_second"]
    result["two_worker_speedup"] = result["workers_2"]["articles_per_second"] / one
    result["two_worker_speedup_after_generator"] = (
        result["workers_2"]["after_generator_per_second"]
        / result["workers_1"]["after_generator_per_second"]
    )
    result.update(_scaling_limits(result))
    result["ratio_to_plumbing"] = one / result["plumbing_per_second"]
    progress(f"latency at half the one-worker maximum ({one / 2:.0f} articles/s)")
    latencies, set_aside = clean_runs(
        runs, lambda: bench_latency(kafka, dicts, one / 2, LATENCY_SECONDS)
    )
    result["latency"] = {
        key: statistics.median(run[key] for run in latencies)
        for key in ("offered_rate", "p50_ms", "p95_ms", "p99_ms", "peak_rss_mb")
    }
    result["latency"]["runs"] = latencies
    result["latency"]["contended_runs_set_aside"] = set_aside
    return result


def _scaling_limits(result: dict[str, Any]) -> dict[str, Any]:
    """What the CPU per article allows, and the speed-up of the least contended runs.

    Ceiling: all cores busy with the two workers and the broker (the load generator and
    everything else idle) = cores / (workers' + broker's CPU seconds per article).
    """
    two = result["workers_2"]["cpu_ms_per_article"]
    per_article = sum(ms for name, ms in two.items() if name.startswith("worker"))
    per_article += two.get("broker", 0.0)
    cores = os.cpu_count() or 1
    ceiling = cores * 1000 / per_article
    quiet = {
        workers: min(
            result[f"workers_{workers}"]["runs"]
            + result[f"workers_{workers}"]["contended_runs_set_aside"],
            key=lambda o: o["other_cores_during"],
        )
        for workers in (1, 2)
    }
    return {
        "two_worker_ceiling_per_second": ceiling,
        "two_worker_ceiling_speedup": ceiling / quiet[1]["articles_per_second"],
        "quietest_runs": {
            f"workers_{w}": {
                "articles_per_second": o["articles_per_second"],
                "other_cores_during": o["other_cores_during"],
            }
            for w, o in quiet.items()
        },
        "two_worker_speedup_quietest": quiet[2]["articles_per_second"]
        / quiet[1]["articles_per_second"],
    }


def _median_cpu(outcomes: list[dict[str, Any]]) -> dict[str, float]:
    names = {name for outcome in outcomes for name in outcome["cpu"]}
    return {
        name: statistics.median(
            o["cpu"][name]["ms_per_article"] for o in outcomes if name in o["cpu"]
        )
        for name in sorted(names)
    }


if __name__ == "__main__":
    raise SystemExit(main())
