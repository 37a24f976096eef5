"""Articles for the integration tests: the seed bodies under many distinct ids."""

from __future__ import annotations

import json

from streams.articles_io import read_articles
from streams.extraction import run_extraction
from streams.extraction.normalize import event_id
from streams.schemas import Article, Event
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
    """The ids a run without any failure publishes: extraction is deterministic.

    Copies of one seed differ only in their id, so each distinct article is extracted once
    and its events' ids are derived for the other copies (with the extraction's own id
    function, checked against the extracted ids of every distinct article).
    """
    events_of: dict[str, list[Event]] = {}
    ids: set[str] = set()
    for article in articles:
        body = article.model_copy(update={"id": ""}).model_dump_json()
        if body not in events_of:
            events = run_extraction(article).events
            assert {_id_for(event, article.id) for event in events} == {
                event.event_id for event in events
            }
            events_of[body] = events
        ids |= {_id_for(event, article.id) for event in events_of[body]}
    return ids


def _id_for(event: Event, article_id: str) -> str:
    places = ",".join(location.name for location in event.locations)
    return event_id(article_id, event.event_type, event.evidence.start, event.evidence.end, places)


def event_ids(records: list) -> list[str]:  # type: ignore[type-arg]
    return [json.loads(record.value)["event_id"] for record in records]
