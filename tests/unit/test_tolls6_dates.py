"""A date in a parenthesis qualifies the date its sentence tells outside it ('Around 3 May
2024 (on 3 and 4 May), ...'): the event takes the date told outside. Sentences written for
these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.schemas import Article

PUB = "2024-05-06T08:00:00Z"


def _dates(text: str) -> list[tuple[str, str | None]]:
    article = Article(text=text, published_at=PUB)
    events = extract(article, extracted_at=datetime(2024, 5, 6, tzinfo=UTC), engine="spacy")
    return [(e.event_type, e.when.date) for e in events]


def test_a_parenthesised_date_does_not_replace_the_date_told_outside() -> None:
    text = "Around 3 May 2024 (on 3 and 4 May), gunmen attacked farmers in Kano, killing two."
    assert _dates(text) == [("attack_on_civilians", "2024-05-03")]


def test_a_parenthesised_date_alone_still_dates_the_event() -> None:
    text = "Gunmen attacked farmers in Kano (on 4 May), killing two."
    assert _dates(text) == [("attack_on_civilians", "2024-05-04")]
