"""Every Prometheus metric of the worker, defined once, on a registry of its own.

Tests build a fresh `Metrics(CollectorRegistry())`; the worker uses `get_metrics()`.
"""

from __future__ import annotations

import platform
from functools import lru_cache

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from streams import __version__

PREFIX = "streams"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
EXTRACTION_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0)


class Metrics:
    """The worker's metrics. Names follow Prometheus conventions (_total, _seconds)."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        self._flow(registry)
        self._timings(registry)
        self._worker_state(registry)

    def _flow(self, registry: CollectorRegistry) -> None:
        """Articles in, rejected and processed; events out; extractor failures."""
        self.articles_received = Counter(
            f"{PREFIX}_articles_received",
            "Article messages read from the input topic.",
            registry=registry,
        )
        self.articles_rejected = Counter(
            f"{PREFIX}_articles_rejected",
            "Article messages sent to the DLQ, by reason.",
            ["reason"],
            registry=registry,
        )
        self.articles_processed = Counter(
            f"{PREFIX}_articles_processed",
            "Valid articles whose events were all acknowledged.",
            registry=registry,
        )
        self.events_published = Counter(
            f"{PREFIX}_events_published",
            "Events acknowledged on the events topics.",
            ["category", "event_type"],
            registry=registry,
        )
        self.extractor_errors = Counter(
            f"{PREFIX}_extractor_errors",
            "Exceptions raised inside one extractor, by extractor.",
            ["extractor"],
            registry=registry,
        )

    def _timings(self, registry: CollectorRegistry) -> None:
        self.extraction_seconds = Histogram(
            f"{PREFIX}_extraction_seconds",
            "Time to extract the events of one article.",
            buckets=EXTRACTION_BUCKETS,
            registry=registry,
        )
        self.end_to_end_latency = Histogram(
            f"{PREFIX}_end_to_end_latency_seconds",
            "Article produce timestamp to acknowledgement of its last event.",
            buckets=LATENCY_BUCKETS,
            registry=registry,
        )

    def _worker_state(self, registry: CollectorRegistry) -> None:
        """Lag, load, partitions, rebalances, broker reachability and the build."""
        self.consumer_lag = Gauge(
            f"{PREFIX}_consumer_lag",
            "Messages behind the high watermark, by partition.",
            ["topic", "partition"],
            registry=registry,
        )
        self.in_flight = Gauge(
            f"{PREFIX}_in_flight_articles",
            "Articles being processed right now.",
            registry=registry,
        )
        self.assigned_partitions = Gauge(
            f"{PREFIX}_assigned_partitions",
            "Input partitions assigned to this worker.",
            registry=registry,
        )
        self.rebalances = Counter(
            f"{PREFIX}_rebalances",
            "Consumer group rebalances seen by this worker.",
            registry=registry,
        )
        self.broker_up = Gauge(
            f"{PREFIX}_broker_up",
            "1 when the last broker metadata request succeeded, else 0.",
            registry=registry,
        )
        self.build_info = Gauge(
            f"{PREFIX}_build_info",
            "Build information (value is always 1).",
            ["version", "python"],
            registry=registry,
        )
        self.build_info.labels(version=__version__, python=platform.python_version()).set(1)

    def render(self) -> bytes:
        return generate_latest(self.registry)


@lru_cache(maxsize=1)
def get_metrics() -> Metrics:
    return Metrics(CollectorRegistry(auto_describe=True))


def scrape(url: str, timeout: float = 5.0) -> dict[str, float]:
    """Fetch a /metrics page over HTTP: `name{label=value,...}` -> value, labels sorted."""
    import urllib.request

    from prometheus_client.parser import text_string_to_metric_families

    with urllib.request.urlopen(url, timeout=timeout) as response:
        text = response.read().decode()
    samples: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
            samples[f"{sample.name}{{{labels}}}" if labels else sample.name] = sample.value
    return samples


RESTORE_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)


class CanonicalMetrics:
    """Metrics of the canonical worker (`streams canonical`), on a registry of its own."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        self.events_in = Counter(
            f"{PREFIX}_canonical_input_events",
            "Events merged by the canonical worker (redeliveries included).",
            registry=registry,
        )
        self.created = Counter(
            f"{PREFIX}_canonical_created",
            "Canonical events created (a happening seen for the first time).",
            registry=registry,
        )
        self.updated = Counter(
            f"{PREFIX}_canonical_updated",
            "Events merged into an existing canonical event (merge rate = updated / input).",
            registry=registry,
        )
        self.late = Counter(
            f"{PREFIX}_canonical_late_events",
            "Events older than the window: each started a new canonical event.",
            registry=registry,
        )
        self.duplicates = Counter(
            f"{PREFIX}_canonical_redelivered_events",
            "Events already merged (a redelivery): republished, state unchanged.",
            registry=registry,
        )
        self.evicted = Counter(
            f"{PREFIX}_canonical_evicted",
            "Canonical events dropped from state when they left the window.",
            registry=registry,
        )
        self.state_size = Gauge(
            f"{PREFIX}_canonical_state_canonical_events",
            "Canonical events held in this worker's table (inside the window).",
            registry=registry,
        )
        self.state_blocks = Gauge(
            f"{PREFIX}_canonical_state_blocks",
            "Block keys (family|country) held in this worker's table.",
            registry=registry,
        )
        self.state_bytes = Gauge(
            f"{PREFIX}_canonical_state_bytes",
            "JSON size of this worker's table values, bytes.",
            registry=registry,
        )
        self.restore_seconds = Histogram(
            f"{PREFIX}_canonical_restore_seconds",
            "Time to restore the table from its changelog after an assignment.",
            buckets=RESTORE_BUCKETS,
            registry=registry,
        )
        self.last_restore_seconds = Gauge(
            f"{PREFIX}_canonical_last_restore_seconds",
            "Duration of the latest table restore.",
            registry=registry,
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)
