"""Carrying a day across sentences: the same-day and next-day marks, paragraph openings that
go on with the happening told before (data/en/date_words.json, extractors/timing.py)."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from streams.extraction import extract
from streams.extraction.date_words import DateWords
from streams.extraction.lexicons import DATA_DIR
from streams.schemas import Article, Event

MORNING = "2025-10-22T08:00:00Z"  # a Wednesday


def _events(text: str) -> list[Event]:
    return extract(Article(id="timing-r7", text=text, published_at=MORNING))


def _whens(events: list[Event], event_type: str) -> set[tuple[str | None, str]]:
    return {(e.when.date, e.when.precision) for e in events if e.event_type == event_type}


def test_timing_same_day_mark_carries_the_day_across_a_paragraph_break() -> None:
    events = _events(
        "Gunmen shot dead a trader in the market of Kitgum on Monday.\n\n"
        "Hours later, soldiers arrested eleven suspects in the town of Gulu."
    )
    assert _whens(events, "arrest") == {("2025-10-20", "day")}


def test_timing_without_a_mark_a_new_paragraph_takes_no_earlier_day() -> None:
    events = _events(
        "Gunmen shot dead a trader in the market of Kitgum on Monday.\n\n"
        "Soldiers arrested eleven suspects in the town of Gulu."
    )
    assert _whens(events, "arrest") == {("2025-10-22", "day")}


def test_timing_next_day_mark_takes_the_day_after() -> None:
    events = _events(
        "Gunmen shot dead a trader in the market of Kitgum on Monday.\n\n"
        "The following day, soldiers arrested eleven suspects in the town of Gulu."
    )
    assert _whens(events, "arrest") == {("2025-10-21", "day")}


@pytest.mark.parametrize(
    ("opening", "day"),
    [
        ("The attackers", "2025-10-20"),  # goes on with the shelling told before
        ("Masked men", "2025-10-22"),  # a new happening: the publication day
    ],
)
def test_timing_paragraph_opening_on_the_attackers_goes_on_with_that_day(
    opening: str, day: str
) -> None:
    events = _events(
        "Militants shelled the town of Mandera on Monday, killing three people.\n\n"
        f"{opening} abducted two teachers from a school in Wajir."
    )
    assert _whens(events, "abduction") == {(day, "day")}


@pytest.mark.parametrize(
    "field",
    ["same_day_marks", "next_day_marks", "anaphora_determiners", "anaphora_nouns"],
)
def test_timing_words_file_rejects_an_empty_list(field: str) -> None:
    raw = json.loads((DATA_DIR / "en" / "date_words.json").read_text(encoding="utf-8"))
    DateWords.model_validate(raw)  # the file as shipped is valid
    raw[field] = []
    with pytest.raises(ValidationError):
        DateWords.model_validate(raw)
