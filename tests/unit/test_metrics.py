from prometheus_client import CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families

from streams.metrics import Metrics


def test_metrics_names_follow_conventions_and_count() -> None:
    metrics = Metrics(CollectorRegistry())
    metrics.articles_received.inc(3)
    metrics.articles_rejected.labels(reason="not_json").inc()
    metrics.events_published.labels(category="conflict", event_type="air_strike").inc(2)
    metrics.end_to_end_latency.observe(0.2)
    families = {
        family.name: family for family in text_string_to_metric_families(metrics.render().decode())
    }
    assert {
        "streams_articles_received",
        "streams_articles_rejected",
        "streams_events_published",
        "streams_end_to_end_latency_seconds",
        "streams_extraction_seconds",
        "streams_consumer_lag",
        "streams_in_flight_articles",
        "streams_build_info",
    } <= set(families)
    samples = {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in families.values()
        for s in family.samples
    }
    assert samples[("streams_articles_received_total", ())] == 3
    assert samples[("streams_articles_rejected_total", (("reason", "not_json"),))] == 1
    assert (
        samples[
            (
                "streams_events_published_total",
                (("category", "conflict"), ("event_type", "air_strike")),
            )
        ]
        == 2
    )
    assert samples[("streams_end_to_end_latency_seconds_count", ())] == 1


def test_metrics_fresh_registry_per_instance() -> None:
    first, second = Metrics(CollectorRegistry()), Metrics(CollectorRegistry())
    first.articles_processed.inc()
    assert second.articles_processed._value.get() == 0
