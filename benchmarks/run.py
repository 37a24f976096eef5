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
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.corpus import article_of_size, build_corpus
from benchmarks.dictionary import bench_dictionaries
from benchmarks.harness import CpuMeter, Run, free_port, peak_rss_mb, produce, read_all
from benchmarks.plumbing import plumbing_rate
from streams import broker
from streams.extraction import run_extraction
from streams.schemas import Article
from streams.settings import Settings

RESULTS = Path(__file__).resolve().parent / "results"
SIZES_KB = (1, 2, 5, 10, 20, 50, 100)
LATENCY_SECONDS = 10.0
CONTENDED_CORES = 0.3  # other processes above this during a Kafka run: measure it again


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


class InvalidRunError(RuntimeError):
    """The run's progress could not be observed (e.g. a metrics scrape read wrong counts)."""


@dataclass(frozen=True)
class Kafka:
    """Where the end-to-end runs go: broker address and pid (None: external), logs."""

    bootstrap: str
    log_dir: Path
    partitions: int
    broker_pid: int | None


def cpu_meter(kafka: Kafka, run: Run) -> CpuMeter:
    pids = {f"worker{index}": worker.process.pid for index, worker in enumerate(run.workers)}
    pids["generator"] = os.getpid()
    if kafka.broker_pid is not None:
        pids["broker"] = kafka.broker_pid
    return CpuMeter(pids)


def wait_for_quiet(kafka: Kafka, max_cores: float = 0.3, timeout: float = 60.0) -> float:
    """Wait (bounded) until processes outside the benchmark use under `max_cores`.

    The machine is shared: another process taking a core starves the worker and the run
    measures that instead (seen: p99 from 100 ms to 1 s with the same code). Returns the
    last reading so the report can show it.
    """
    pids = {"broker": kafka.broker_pid} if kafka.broker_pid is not None else {}
    deadline = time.monotonic() + timeout
    while True:
        meter = CpuMeter({**pids, "self": os.getpid()})
        meter.start()
        time.sleep(2.0)
        used = meter.stop()
        other = used["other processes"] / used["wall"]
        if other < max_cores or time.monotonic() > deadline:
            return other


def cpu_report(used: dict[str, float], articles: int) -> dict[str, Any]:
    """Per process: cores used on average, and CPU milliseconds per article."""
    wall = used.pop("wall")
    used.pop("machine")
    return {
        name: {"cores": seconds / wall, "ms_per_article": seconds * 1000 / articles}
        for name, seconds in used.items()
    }


def bench_end_to_end(kafka: Kafka, corpus: list[dict[str, Any]], workers: int) -> dict[str, Any]:
    run = Run(kafka.bootstrap, kafka.partitions, kafka.log_dir)
    try:
        for _ in range(workers):
            run.start_worker()
        run.wait_assigned()
        time.sleep(1.0)
        quiet = wait_for_quiet(kafka)
        meter = cpu_meter(kafka, run)
        meter.start()
        produce(kafka.bootstrap, run.topic("articles"), corpus)
        generator_done = (time.monotonic(), run.processed())
        first, last = _wait_processed(run, len(corpus), timeout=600)
        used = meter.stop()
        total = len(corpus)
        if first[1] > total / 2:
            raise InvalidRunError(f"the first count seen was already {first[1]:.0f} of {total}")
        rate = (total - first[1]) / max(last - first[0], 1e-6)
        after = total - generator_done[1]
        after_rate = after / max(last - generator_done[0], 1e-6) if after > total / 4 else rate
        rss = max(peak_rss_mb(worker.process.pid) for worker in run.workers)
        cpu = cpu_report(used, total)
        return {
            "articles_per_second": rate,
            "after_generator_per_second": after_rate,
            "peak_rss_mb": rss,
            "other_cores_before": quiet,
            "other_cores_during": cpu["other processes"]["cores"],
            "cpu": cpu,
        }
    finally:
        run.stop()


def _wait_processed(run: Run, count: int, timeout: float) -> tuple[tuple[float, float], float]:
    """(time, count) when the first article was done, and when the last one was."""
    first = None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = run.processed()
        now = time.monotonic()
        if first is None and done > 0:
            first = (now, done)
        if first is not None and done >= count:
            return first, now
        time.sleep(0.05)
    raise RuntimeError("end-to-end run did not finish")


def bench_latency(
    kafka: Kafka, corpus: list[dict[str, Any]], rate: float, seconds: float
) -> dict[str, Any]:
    """Steady paced load; latency = event record time - article record (produce) time."""
    run = Run(kafka.bootstrap, kafka.partitions, kafka.log_dir)
    count = max(200, int(rate * seconds))
    articles = [
        dict(article, id=f"lat-{index}-{article['id']}")
        for index, article in enumerate((corpus * (count // len(corpus) + 1))[:count])
    ]
    try:
        run.start_worker()
        run.wait_assigned()
        time.sleep(1.0)
        quiet = wait_for_quiet(kafka)
        meter = cpu_meter(kafka, run)
        meter.start()
        sent_at = produce(kafka.bootstrap, run.topic("articles"), articles, rate=rate)
        deadline = time.monotonic() + 120
        while run.processed() < count and time.monotonic() < deadline:
            time.sleep(0.2)
        used = meter.stop()
        records = read_all(kafka.bootstrap, run.topic("events"), expected=1, timeout=10)
        records += read_all(kafka.bootstrap, run.topic("events"), expected=10**9, timeout=5)
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
    cpu = cpu_report(used, count)
    return {
        "offered_rate": rate,
        "articles": count,
        "measured": len(latencies),
        "p50_ms": _pct(latencies, 50),
        "p95_ms": _pct(latencies, 95),
        "p99_ms": _pct(latencies, 99),
        "peak_rss_mb": rss,
        "other_cores_before": quiet,
        "other_cores_during": cpu["other processes"]["cores"],
        "cpu": cpu,
    }


def _pct(values: list[float], pct: float) -> float:
    index = min(len(values) - 1, round(pct / 100 * (len(values) - 1)))
    return values[index] * 1000


def bench_plumbing(kafka: Kafka, corpus: list[dict[str, Any]], pipelined: bool = False) -> float:
    run = Run(kafka.bootstrap, kafka.partitions, kafka.log_dir)
    produce(kafka.bootstrap, run.topic("articles"), corpus)
    return plumbing_rate(
        kafka.bootstrap,
        run.topic("articles"),
        run.topic("events"),
        len(corpus),
        group=f"plumbing-{run.prefix}",
        pipelined=pipelined,
    )


def start_broker() -> tuple[str, Settings | None, int | None]:
    """Bootstrap address, the local broker's settings (None: external) and its pid."""
    if os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        return os.environ["KAFKA_BOOTSTRAP_SERVERS"], None, None
    home = Path(tempfile.mkdtemp(prefix="bench-kafka-"))
    settings = Settings(
        bootstrap_servers=None,
        broker_port=free_port(),
        broker_controller_port=free_port(),
        broker_home=home,
    )
    progress("starting a local broker for the benchmark")
    status = broker.start(settings)
    return settings.bootstrap, settings, status.pid


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
        lines += _kafka_rows(e2e)
    lines += ["", "| article size | ms / article | ms / KB |", "|---|---|---|"]
    for row in report["scaling"]:
        lines.append(f"| {row['kb']} KB | {row['ms_per_article']:.2f} | {row['ms_per_kb']:.3f} |")
    lines += _dictionary_rows(report["dictionary_size"])
    lines += ["", "| extractor | ms / article |", "|---|---|"]
    for name, ms in sorted(report["per_extractor_ms"].items(), key=lambda kv: -kv[1]):
        lines.append(f"| {name} | {ms:.3f} |")
    return "\n".join(lines)


def _kafka_rows(e2e: dict[str, Any]) -> list[str]:
    one, two, lat = e2e["workers_1"], e2e["workers_2"], e2e["latency"]
    quiet = e2e["quietest_runs"]
    lines = [
        f"| plumbing limit (aiokafka loop) | {e2e['plumbing_per_second']:.0f} msg/s | |",
        f"| end to end, 1 worker | {one['articles_per_second']:.0f} art/s "
        f"({e2e['ratio_to_plumbing']:.2f}x plumbing){_others(one['runs'])} | >= 200 |",
        f"| end to end, 2 workers | {two['articles_per_second']:.0f} art/s "
        f"({e2e['two_worker_speedup']:.2f}x one){_others(two['runs'])} | >= 1.7x |",
        f"| quietest runs: 1 / 2 workers | {quiet['workers_1']['articles_per_second']:.0f} / "
        f"{quiet['workers_2']['articles_per_second']:.0f} art/s "
        f"({e2e['two_worker_speedup_quietest']:.2f}x; others "
        f"{quiet['workers_1']['other_cores_during']:.2f} / "
        f"{quiet['workers_2']['other_cores_during']:.2f} cores) | >= 1.7x |",
        f"| 2-worker ceiling from CPU per article | {e2e['two_worker_ceiling_per_second']:.0f} "
        f"art/s ({e2e['two_worker_ceiling_speedup']:.2f}x) | |",
        f"| latency p50 / p95 / p99 at {lat['offered_rate']:.0f} art/s | "
        f"{lat['p50_ms']:.0f} / {lat['p95_ms']:.0f} / {lat['p99_ms']:.0f} ms"
        f"{_others(lat['runs'])} | p99 <= 250 ms |",
        f"| worker peak RSS | {one['peak_rss_mb']:.0f} MB | <= 500 MB |",
        "",
        "| CPU ms per article (median of runs) | 1 worker | 2 workers |",
        "|---|---|---|",
    ]
    names = sorted(set(one["cpu_ms_per_article"]) | set(two["cpu_ms_per_article"]))
    for name in names:
        a, b = one["cpu_ms_per_article"].get(name), two["cpu_ms_per_article"].get(name)
        lines.append(f"| {name} | {_ms(a)} | {_ms(b)} |")
    lines += ["", "| latency run | p50 / p95 / p99 ms | other processes, cores |", "|---|---|---|"]
    for label, runs in (("kept", lat["runs"]), ("set aside", lat["contended_runs_set_aside"])):
        for run in runs:
            lines.append(
                f"| {label} | {run['p50_ms']:.0f} / {run['p95_ms']:.0f} / {run['p99_ms']:.0f} "
                f"| {run['other_cores_during']:.2f} |"
            )
    return lines


def _others(runs: list[dict[str, Any]]) -> str:
    """How much CPU processes outside the benchmark took during these runs."""
    values = ", ".join(f"{run['other_cores_during']:.2f}" for run in runs)
    return f"; others took {values} cores"


def _ms(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _dictionary_rows(rows: list[dict[str, Any]]) -> list[str]:
    lines = [
        "",
        "| gazetteer | surface forms | index entries | load s | RSS after load "
        "| extraction art/s |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['dataset']} | {row['surface_forms']:,} | {row['entries']:,} | "
            f"{row['load_seconds']:.2f} | {row['rss_loaded_mb']:.0f} MB | "
            f"{row['articles_per_second']:.0f} |"
        )
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
