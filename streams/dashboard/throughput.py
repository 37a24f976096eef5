"""Throughput over all workers, from their /metrics pages (Prometheus text).

Rates are the change of each worker's counters between two scrapes, summed over workers;
a counter that went down (the worker restarted) counts from zero. Consumer lag per
partition is the largest value any worker reports for it (a partition has one owner; a
worker that lost it may still show its last value).
"""

from __future__ import annotations

import re
import threading
import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from streams.dashboard.store import Store
from streams.metrics import scrape

SCRAPE_TIMEOUT = 2.0
LABEL = re.compile(r"(\w+)=([^,}]*)")


def _labels(key: str) -> dict[str, str]:
    return dict(LABEL.findall(key.partition("{")[2]))


def _name(key: str) -> str:
    return key.partition("{")[0]


def public_name(url: str) -> str:
    """host:port of a metrics URL, never its user info or query."""
    parts = urlsplit(url)
    return f"{parts.hostname or '?'}:{parts.port or ''}".rstrip(":")


@dataclass
class WorkerSample:
    at: float
    values: dict[str, float] = field(default_factory=dict)


def _increase(now: dict[str, float], before: dict[str, float], key: str) -> float:
    current, previous = now.get(key, 0.0), before.get(key, 0.0)
    return current - previous if current >= previous else current


def summarize(
    samples: Mapping[str, WorkerSample | None], previous: Mapping[str, WorkerSample | None]
) -> dict[str, Any]:
    """The dashboard's throughput view from this scrape and the one before."""
    articles_rate = 0.0
    totals: dict[str, float] = defaultdict(float)
    events_rate: dict[str, float] = defaultdict(float)
    dlq: dict[str, float] = defaultdict(float)
    lag: dict[str, float] = {}
    workers = []
    for url, sample in samples.items():
        workers.append({"worker": public_name(url), "up": sample is not None})
        if sample is None:
            continue
        before = previous.get(url)
        for key, value in sample.values.items():
            name, labels = _name(key), _labels(key)
            if name in ("streams_articles_processed_total", "streams_events_published_total"):
                totals[name.removeprefix("streams_").removesuffix("_total")] += value
            elif name == "streams_articles_rejected_total":
                dlq[labels.get("reason", "?")] += value
            elif name == "streams_consumer_lag":
                where = f"{labels.get('topic', '?')}[{labels.get('partition', '?')}]"
                lag[where] = max(lag.get(where, 0.0), value)
        if before is None or sample.at <= before.at:
            continue
        seconds = sample.at - before.at
        articles = _increase(sample.values, before.values, "streams_articles_processed_total")
        articles_rate += articles / seconds
        for key in sample.values:
            if _name(key) == "streams_events_published_total":
                category = _labels(key).get("category", "?")
                events_rate[category] += _increase(sample.values, before.values, key) / seconds
    return {
        "at": time.time(),
        "articles_processed": totals["articles_processed"],
        "events_published": totals["events_published"],
        "articles_per_second": round(articles_rate, 3),
        "events_per_second": {k: round(v, 3) for k, v in sorted(events_rate.items())},
        "dlq_by_reason": dict(sorted(dlq.items())),
        "lag_by_partition": dict(sorted(lag.items())),
        "workers": workers,
    }


def scrape_worker(url: str) -> WorkerSample | None:
    try:
        return WorkerSample(at=time.monotonic(), values=scrape(url, timeout=SCRAPE_TIMEOUT))
    except (OSError, ValueError):
        return None


class Scraper(threading.Thread):
    """Scrapes every worker each `period` seconds and puts the summary in the store."""

    def __init__(self, urls: list[str], period: float, store: Store) -> None:
        super().__init__(name="dashboard-scraper", daemon=True)
        self.urls = urls
        self.period = period
        self.store = store
        self.stopping = threading.Event()

    def run(self) -> None:
        previous: dict[str, WorkerSample | None] = {}
        while not self.stopping.is_set():
            samples = {url: scrape_worker(url) for url in self.urls}
            self.store.set_throughput(summarize(samples, previous))
            previous = samples
            self.stopping.wait(self.period)
