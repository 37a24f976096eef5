"""Where an article's latency goes: a worker wrapper that timestamps every message.

    .venv/bin/python -m benchmarks.latency_probe --rate 170 --seconds 10

Runs one worker whose agent handler is wrapped (diagnostic only, never in production) to
write, per message: produce timestamp (record CreateTime), time the agent got it, time
extraction finished, time every send was acknowledged. Joined with the events' record
timestamps, this splits the end-to-end latency into waiting, extraction and sending.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

OUT_ENV = "BENCH_PROBE_OUT"


def _patch_and_run_worker() -> int:
    import streams.app as app_module
    from streams import processing

    with Path(os.environ[OUT_ENV]).open("a", buffering=1) as out:
        return _run_timed_worker(app_module, processing, out)


def _run_timed_worker(app_module: Any, processing: Any, out: Any) -> int:
    handle = app_module._handle
    process = processing.process_message
    marks: dict[str, float] = {}

    def timed_process(*args: Any, **kwargs: Any) -> Any:
        result = process(*args, **kwargs)
        marks["extracted"] = time.time()
        return result

    async def timed_handle(context: Any, message: Any) -> None:
        received = time.time()
        await handle(context, message)
        acked = time.time()
        row = [message.key.decode(), message.partition, message.offset, message.timestamp]
        out.write(json.dumps([*row, received, marks.get("extracted", 0.0), acked]) + "\n")

    app_module.process_message = timed_process
    app_module._handle = timed_handle
    from streams.cli import main

    return main(["worker"])


def _pct(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))] * 1000


def summarize(rows: list[list[Any]], event_ts: dict[str, float]) -> dict[str, Any]:
    """Percentiles (ms) of each stage; event_ts: article id -> latest event record time."""
    stages: dict[str, list[float]] = {"wait": [], "extract": [], "send": [], "total": []}
    worst = []
    for key, _part, _off, produced, received, extracted, acked in rows:
        stages["wait"].append(received - produced)
        stages["extract"].append(extracted - received)
        stages["send"].append(acked - extracted)
        if key in event_ts:
            stages["total"].append(event_ts[key] - produced)
        worst.append((received - produced, key, _part, _off, produced))
    worst.sort(reverse=True)
    summary: dict[str, Any] = {
        stage: {p: _pct(v, p) for p in (50, 95, 99)} for stage, v in stages.items() if v
    }
    summary["worst_waits"] = [
        {"wait_ms": w * 1000, "partition": p, "offset": o, "produced": t}
        for w, _k, p, o, t in worst[:10]
    ]
    return summary


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["worker"]:
        return _patch_and_run_worker()
    parser = argparse.ArgumentParser(prog="benchmarks.latency_probe", description=__doc__)
    parser.add_argument("--rate", type=float, default=170.0)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--timeline", action="store_true", help="print per-0.5 s waits")
    parser.add_argument("--env", action="append", default=[], help="KEY=VALUE for the worker")
    options = parser.parse_args(args)
    return _probe(options)


def _probe(options: argparse.Namespace) -> int:
    from benchmarks.run import start_broker
    from streams import broker

    bootstrap, local, broker_pid = start_broker()
    options.broker_pid = broker_pid
    log_dir = Path(tempfile.mkdtemp(prefix="bench-probe-"))
    extra = dict(item.split("=", 1) for item in options.env)
    try:
        for index in range(options.runs):
            out = log_dir / f"probe{index}.jsonl"
            summary = _probe_once(bootstrap, options, out, extra)
            print(json.dumps(summary), flush=True)
            if options.timeline:
                print(timeline(out), flush=True)
    finally:
        if local is not None:
            broker.stop(local)
            shutil.rmtree(local.broker_home, ignore_errors=True)
    return 0


def _probe_once(
    bootstrap: str, options: argparse.Namespace, out: Path, extra: dict[str, str]
) -> dict[str, Any]:
    from benchmarks.corpus import build_corpus
    from benchmarks.harness import Run, produce, read_all

    corpus = [a.as_json_dict() for a in build_corpus(2000)]
    count = int(options.rate * options.seconds)
    articles = [
        dict(article, id=f"lat-{index}-{article['id']}")
        for index, article in enumerate((corpus * (count // len(corpus) + 1))[:count])
    ]
    run = Run(bootstrap, options.partitions, log_dir=out.parent)
    try:
        run.start_worker("benchmarks.latency_probe", {OUT_ENV: str(out), **extra})
        run.wait_assigned()
        time.sleep(1.0)
        pids = {"worker": run.workers[0].process.pid, "generator": os.getpid()}
        if options.broker_pid:
            pids["broker"] = options.broker_pid
        sampler = CpuSampler(pids)
        sampler.start()
        sent_at = produce(bootstrap, run.topic("articles"), articles, rate=options.rate)
        deadline = time.monotonic() + 60
        while run.processed() < count and time.monotonic() < deadline:
            time.sleep(0.2)
        cpu = sampler.finish()
        records = read_all(bootstrap, run.topic("events"), expected=1, timeout=10)
        records += read_all(bootstrap, run.topic("events"), expected=10**9, timeout=3)
    finally:
        run.stop()
    event_ts: dict[str, float] = {}
    for record in records:
        article_id = json.loads(record.value)["article_id"]
        event_ts[article_id] = max(event_ts.get(article_id, 0.0), record.timestamp / 1000.0)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    summary = summarize(rows, event_ts)
    summary.pop("worst_waits")
    first = min(sent_at.values())
    summary["generator_lag_max_ms"] = max(
        (sent_at[a["id"]] - first - i / options.rate) * 1000 for i, a in enumerate(articles)
    )
    summary["messages"] = len(rows)
    summary["cpu_share_per_0.5s"] = cpu
    return summary


class CpuSampler(threading.Thread):
    """Every 0.5 s, each process's share of one core (worker, broker, generator, others)."""

    def __init__(self, pids: dict[str, int]) -> None:
        super().__init__(daemon=True)
        self.pids = pids
        self.done = threading.Event()
        self.samples: list[dict[str, float]] = []

    def run(self) -> None:
        from benchmarks.harness import CpuMeter

        while not self.done.is_set():
            meter = CpuMeter(self.pids)
            meter.start()
            self.done.wait(0.5)
            used = meter.stop()
            wall = used.pop("wall")
            self.samples.append({k: round(v / wall, 2) for k, v in used.items()})

    def finish(self) -> list[str]:
        self.done.set()
        self.join()
        names = [*self.pids, "other processes"]
        return [" ".join(f"{s.get(n, 0):.2f}" for n in names) for s in self.samples]


def timeline(out: Path, step: float = 0.5) -> str:
    """Per `step` seconds of produce time: articles, median and max wait, max extraction."""
    rows = sorted((json.loads(line) for line in out.read_text().splitlines()), key=lambda r: r[3])
    buckets: dict[int, list[list[Any]]] = {}
    for row in rows:
        buckets.setdefault(int((row[3] - rows[0][3]) / step), []).append(row)
    lines = []
    for key, items in sorted(buckets.items()):
        waits = [(r[4] - r[3]) * 1000 for r in items]
        extract = max((r[5] - r[4]) * 1000 for r in items)
        send = max((r[6] - r[5]) * 1000 for r in items)
        lines.append(
            f"{key * step:5.1f}s n={len(items):3d} wait med {statistics.median(waits):6.1f} "
            f"max {max(waits):6.1f} | extract max {extract:5.1f} | send max {send:5.1f}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
