"""How load time, memory and extraction speed grow with the size of the place dictionary.

Each GeoNames city file is measured in a fresh process (the gazetteer is chosen once per
process, before it loads):

    .venv/bin/python -m benchmarks.dictionary                 # every dataset
    .venv/bin/python -m benchmarks.dictionary --dataset cities500 --child
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from streams.settings import PROJECT_ROOT


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(dataset: str, articles: int, runs: int) -> dict[str, Any]:
    """In this process: load `dataset`, then extract the benchmark corpus `runs` times."""
    from benchmarks.corpus import build_corpus
    from streams.extraction import run_extraction
    from streams.extraction.gazetteer import gazetteer, use_dataset
    from streams.schemas import Article

    corpus = [Article.model_validate(a.as_json_dict()) for a in build_corpus(articles)]
    use_dataset(dataset)
    rss_before = _status_mb("VmRSS")
    started = time.perf_counter()
    places = gazetteer().places
    load_seconds = time.perf_counter() - started
    rss_loaded = _status_mb("VmRSS")
    run_extraction(corpus[0])  # the lexicons, outside the timing
    rates, events, located = [], 0, 0
    for _ in range(runs):
        events = located = 0
        started = time.perf_counter()
        for article in corpus:
            for event in run_extraction(article).events:
                events += 1
                located += any(loc.latitude is not None for loc in event.locations)
        rates.append(len(corpus) / (time.perf_counter() - started))
    return {
        "dataset": dataset,
        "surface_forms": len(places),
        "entries": sum(len(candidates) for candidates in places.values()),
        "load_seconds": load_seconds,
        "rss_loaded_mb": rss_loaded,
        "gazetteer_mb": rss_loaded - rss_before,
        "peak_rss_mb": _status_mb("VmHWM"),
        "articles_per_second": statistics.median(rates),
        "runs": rates,
        "events": events,
        "events_with_coordinates": located,
    }


def bench_dictionaries(
    articles: int, runs: int, datasets: list[str] | None = None
) -> list[dict[str, Any]]:
    """One fresh subprocess per dataset, smallest file first."""
    from streams.extraction.gazetteer import CITY_DATASETS

    rows = []
    for dataset in datasets or list(reversed(CITY_DATASETS)):
        command = [sys.executable, "-m", "benchmarks.dictionary", "--child", "--dataset", dataset]
        command += ["--articles", str(articles), "--runs", str(runs)]
        output = subprocess.run(
            command, check=True, capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=900
        ).stdout
        rows.append(json.loads(output.strip().splitlines()[-1]))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.dictionary", description=__doc__)
    parser.add_argument("--dataset", help="one dataset (default: all, each in a subprocess)")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", action="store_true", help="measure in this process")
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.dataset, args.articles, args.runs)))
        return 0
    rows = bench_dictionaries(args.articles, args.runs, [args.dataset] if args.dataset else None)
    print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
