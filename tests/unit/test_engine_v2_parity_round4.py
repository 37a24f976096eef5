"""Engine v2 (STREAMS_ENGINE=spacy) on classes where the legacy rules were right and v2 wrong
(issue 12 parity, round 4): sentences written for these tests, in no gold set and not in the
ACLED cache, asserting type, date, place and actors."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2025-03-04T09:00:00Z"  # a Tuesday


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2025, 3, 4, tzinfo=UTC), engine="spacy")


@pytest.mark.parametrize(
    "text",
    [
        "Police fired a live round at a protester in Santiago on Monday. Footage showed "
        "protesters throwing things as they ran away from the officers.",
        "Protesters hurled debris at riot police outside parliament in Quito on Monday.",
        "Demonstrators threw items at the police lines in Quito on Monday.",
    ],
)
def test_protesters_throwing_unnamed_objects_make_a_violent_demonstration(text: str) -> None:
    events = _events(text)
    assert [e.event_type for e in events] == ["riot"]
    event = events[0]
    assert event.codes.acled_sub_event_type == "Violent demonstration"
    assert event.when.date == "2025-03-03"
    assert [p.name for p in event.locations] in (["Santiago"], ["Quito"])


@pytest.mark.parametrize(
    "text",
    [
        "Children were throwing things into the river in Santiago on Monday.",
        "Fans threw items onto the pitch during the match in Santiago on Monday.",
    ],
)
def test_objects_thrown_with_no_demonstration_are_no_event(text: str) -> None:
    assert _events(text) == []
