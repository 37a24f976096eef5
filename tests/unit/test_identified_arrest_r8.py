"""Engine v2 arrests (round 8): a single person arrested and named only by a common word is
the one person the story identifies by name; two names identified, or several arrested,
leave the word."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.schemas import Article

PUB = "2025-10-22T09:00:00Z"


def _arrested(text: str) -> list[str]:
    article = Article(text=text, published_at=PUB)
    events = extract(article, extracted_at=datetime(2025, 10, 22, tzinfo=UTC))
    return [
        a.name for e in events if e.event_type == "arrest" for a in e.actors if a.role == "target"
    ]


def test_arrested_man_is_the_person_identified() -> None:
    text = (
        "A 31-year-old man was arrested by Lothian Police in Edinburgh on Monday after two "
        "shoppers were stabbed. The man, later identified as Ewan Carrick Doyle, had moved to "
        "the city last year."
    )
    assert _arrested(text) == ["Ewan Carrick Doyle"]


def test_two_names_identified_leave_the_word() -> None:
    text = (
        "A 31-year-old man was arrested by Lothian Police in Edinburgh on Monday after two "
        "shoppers were stabbed. One victim was identified as Mairi Gunn and another was named "
        "as Alan Beattie."
    )
    assert _arrested(text) == ["Man"]
