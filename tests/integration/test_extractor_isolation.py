"""An exception inside one extractor loses neither the other extractors' events nor the stream."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from streams.articles_io import read_articles
from streams.settings import PROJECT_ROOT
from tests.integration.conftest import Pipeline

pytestmark = [pytest.mark.integration, pytest.mark.timeout(180)]

SEED = PROJECT_ROOT / "seeds" / "01-russia-overnight-assault-ukraine.txt"


class PluginPipeline(Pipeline):
    def env(self, web_port: int | None = None) -> dict[str, str]:
        return {
            **super().env(web_port),
            "STREAMS_EXTRA_EXTRACTORS": json.dumps(["tests.integration.plugins:exploding"]),
        }


def test_extractor_failure_is_isolated(kafka_bootstrap: str, tmp_path: Path) -> None:
    pipeline = PluginPipeline(kafka_bootstrap, tmp_path)
    try:
        pipeline.start_worker()
        [loaded] = list(read_articles([str(SEED)]))
        poisoned = loaded.article.model_copy(
            update={"id": "poisoned", "text": loaded.article.text + " EXPLODE"}
        )
        after = loaded.article.model_copy(update={"id": "after"})
        pipeline.produce([poisoned.model_dump_json().encode(), after.model_dump_json().encode()])
        pipeline.wait_metric("streams_articles_processed_total", lambda v: v >= 2, timeout=60)
        events = [json.loads(r.value) for r in pipeline.consume("events", expected=8)]
        poisoned_types = {e["event_type"] for e in events if e["article_id"] == "poisoned"}
        after_types = {e["event_type"] for e in events if e["article_id"] == "after"}
        assert {"air_strike", "sanctions_imposed", "appeal"} <= poisoned_types
        assert poisoned_types == after_types
        [dead] = pipeline.consume("articles.dlq", expected=1)
        headers = dict(dead.headers)
        assert headers["dlq.reason"] == b"extractor_error"
        assert headers["dlq.extractor"] == b"exploding@1"
        assert b"RuntimeError: this extractor fails on purpose" in headers["dlq.traceback"]
        assert json.loads(dead.value)["id"] == "poisoned"
        samples = pipeline.scrape()
        assert samples["streams_extractor_errors_total{extractor=exploding@1}"] == 1
        assert samples["streams_articles_rejected_total{reason=extractor_error}"] == 1
    finally:
        pipeline.stop()
