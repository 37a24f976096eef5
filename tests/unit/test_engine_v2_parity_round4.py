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


def _verbal(text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.event_type, next((a.name for a in e.actors if a.role == "initiator"), None), e.when.date)
        for e in _events(text)
    ]


def test_a_speakers_undated_saying_takes_the_day_of_its_dated_saying_before() -> None:
    text = (
        "On Monday, France condemned the shelling of Kharkiv. France's foreign ministry called "
        "on Russia to withdraw its troops from Ukraine. Russia rejected the criticism and "
        "condemned the sanctions."
    )
    assert _verbal(text) == [
        ("condemnation", "France", "2025-03-03"),
        ("appeal", "France", "2025-03-03"),
        ("condemnation", "Russia", "2025-03-04"),  # another speaker: the publication day
    ]


def test_an_undated_saying_with_no_dated_one_before_takes_the_publication_day() -> None:
    text = (
        "France's foreign ministry called on Russia to withdraw its troops from Ukraine. "
        "On Monday, Russia condemned the sanctions."
    )
    assert _verbal(text) == [
        ("appeal", "France", "2025-03-04"),
        ("condemnation", "Russia", "2025-03-03"),
    ]
