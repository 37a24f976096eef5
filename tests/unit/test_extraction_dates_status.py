"""Which date and which status govern an event: rules checked on short hand-written sentences."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from streams.extraction import extract
from streams.extraction.annotate import annotate
from streams.extraction.dates import find_dates
from streams.extraction.extractors.common import event_date, status_for
from streams.schemas import Article

PUB = datetime(2024, 3, 14, 8, 0, tzinfo=UTC)  # a Thursday morning


def _date_of(text: str, sentence: int) -> str | None:
    doc = annotate(Article(text=text, published_at=PUB))
    when, _ = event_date(doc, doc.sentences[sentence])
    return when.date


def _status_of(sentence: str, trigger: str) -> str | None:
    doc = annotate(Article(text=sentence, published_at=PUB))
    sent = doc.sentences[0]
    start = sent.start + sent.text.index(trigger)
    return status_for(sent, start, start + len(trigger))


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (date(2024, 3, 13), date(2024, 3, 9)),  # Wednesday: the Saturday before
        (date(2024, 3, 11), date(2024, 3, 9)),  # Monday
        (date(2024, 3, 10), date(2024, 3, 9)),  # Sunday
    ],
)
def test_extraction_dates_status_over_the_weekend_is_the_saturday(
    published: date, expected: date
) -> None:
    found = find_dates("Gunmen stormed villages over the weekend.", published)
    assert [m.date for m in found] == [expected]


@pytest.mark.parametrize(
    ("text", "sentence", "expected"),
    [
        # the day it was said does not date the happening told before it
        (
            "Troops shelled the town on Tuesday. Two people were killed, officials said on "
            "Wednesday.",
            1,
            "2024-03-12",
        ),
        # only a saying date in the sentence: better than nothing
        ("A drone hit a depot in Kursk, officials said on Wednesday.", 0, "2024-03-13"),
        # "Tuesday's bombing" names another happening's day
        ("The minister condemned Tuesday's bombing.", 0, "2024-03-14"),
        # "earlier in the day" stays on the day of the sentence before
        (
            "Rockets hit Haifa on Monday. The army had ordered evacuations earlier in the day.",
            1,
            "2024-03-11",
        ),
        # "the next day" is one day after the sentence before
        ("Police raided the camp on Monday.\n\nThe next day, protesters marched.", 1, "2024-03-12"),
        # a new paragraph opening on "The shelling ..." goes on with the attack told before
        (
            "Russian artillery shelled Kherson on Tuesday.\n\nThe shelling damaged a substation. "
            "Thousands were left without power.",
            2,
            "2024-03-12",
        ),
        # "since Sunday" dates the start of a state, not the happening
        ("Jets struck tanks near Sweida, where clashes have raged since Sunday.", 0, "2024-03-14"),
        # "called a strike for Tuesday": a coming day
        ("Unions called a new day of strikes for Tuesday.", 0, "2024-03-19"),
        # a new paragraph without that link falls back to the publication day
        (
            "Russian artillery shelled Kherson on Tuesday.\n\nA substation was damaged.",
            1,
            "2024-03-14",
        ),
    ],
)
def test_extraction_dates_status_governing_date(text: str, sentence: int, expected: str) -> None:
    assert _date_of(text, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        (
            "A planned visit by the prime minister to Kyiv has been called off.",
            "visit",
            "cancelled",
        ),
        ("The summit in Geneva was postponed.", "summit", "cancelled"),
        (
            "Rwanda denied that its troops had crossed the border and fought alongside the rebels.",
            "fought",
            "denied",
        ),
        (
            "The president will travel to Berlin on June 11 for talks with Scholz.",
            "talks",
            "planned",
        ),
        ("He is due to meet his British counterpart in London.", "meet", "planned"),
        ("The group threatened to strike the port.", "strike", "threatened"),
        # a future verb followed by a past one no longer governs the trigger
        ("He will say that officials had met in Doha for talks.", "talks", "occurred"),
        ("Israeli jets struck a depot in Gaza.", "struck", "occurred"),
    ],
)
def test_extraction_dates_status_status_cue(sentence: str, trigger: str, expected: str) -> None:
    assert _status_of(sentence, trigger) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unions called a new day of protests in Paris for Tuesday.", "planned"),
        ("Thousands of people protested in Paris on Tuesday.", "occurred"),
    ],
)
def test_extraction_dates_status_future_day_is_planned(text: str, expected: str) -> None:
    events = [e for e in extract(Article(text=text, published_at=PUB)) if e.event_type == "protest"]
    assert [e.status for e in events] == [expected]
