"""Dates next to verbs of saying date the saying; a date after 'since' starts a period
(data/en/date_words.json saying_verbs, telling_verbs, period_starts)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from streams.extraction import extract
from streams.extraction.annotate import annotate
from streams.extraction.dates import find_dates
from streams.extraction.extractors.timing import said_on
from streams.schemas import Article

PUB = "2025-06-06T09:00:00Z"  # a Friday


def _said_on(text: str) -> str | None:
    doc = annotate(Article(text=text, published_at=PUB))
    mention = said_on(doc, doc.sentences[0])
    return None if mention is None else doc.text[mention.start : mention.end]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Police told reporters on Thursday that gunmen killed five farmers.", "on Thursday"),
        ("The army confirmed Thursday that two soldiers died.", "Thursday"),
        ("Gunmen killed five farmers on Tuesday, police said.", None),
    ],
)
def test_said_on_finds_the_date_of_the_saying(text: str, said: str | None) -> None:
    assert _said_on(text) == said


def test_a_date_after_since_does_not_date_the_act() -> None:
    text = "Gunmen killed five farmers in Kaduna, the worst raid since the floods on Tuesday."
    events = extract(
        Article(text=text, published_at=PUB), extracted_at=datetime(2025, 6, 6, tzinfo=UTC)
    )
    assert [(e.event_type, e.when.date if e.when else None) for e in events] == [
        ("attack_on_civilians", "2025-06-06")
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Unions called a general strike for Tuesday.", date(2025, 6, 10)),
        ("Talks between the two sides are expected to resume on Tuesday.", date(2025, 6, 10)),
        ("A rally planned by the opposition was held on Tuesday.", date(2025, 6, 3)),
        ("Gunmen killed five farmers in Kaduna on Tuesday.", date(2025, 6, 3)),
    ],
)
def test_a_weekday_after_a_future_mark_is_a_coming_day(text: str, day: date) -> None:
    assert [m.date for m in find_dates(text, date(2025, 6, 6))] == [day]
