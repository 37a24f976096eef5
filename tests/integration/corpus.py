"""Articles for the integration tests: the seed bodies under many distinct ids."""

from __future__ import annotations

import json

from streams.articles_io import read_articles
from streams.extraction import run_extraction
from streams.schemas import Article
from streams.settings import PROJECT_ROOT


def seed_articles() -> list[Article]:
    return [item.article for item in read_articles([str(PROJECT_ROOT / "seeds")])]


def many_articles(count: int, prefix: str = "bulk") -> list[Article]:
    seeds = seed_articles()
    return [
        seeds[index % len(seeds)].model_copy(update={"id": f"{prefix}-{index:05d}"})
        for index in range(count)
    ]


def as_bytes(articles: list[Article]) -> list[bytes]:
    return [article.model_dump_json().encode() for article in articles]


def expected_event_ids(articles: list[Article]) -> set[str]:
    """The ids a run without any failure publishes: extraction is deterministic."""
    return {event.event_id for article in articles for event in run_extraction(article).events}


def event_ids(records: list) -> list[str]:  # type: ignore[type-arg]
    return [json.loads(record.value)["event_id"] for record in records]
