"""Carrying a day across sentences: the same-day and next-day marks, paragraph openings that
go on with the happening told before (data/en/date_words.json, extractors/timing.py)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pydantic import ValidationError

from streams.extraction import extract
from streams.extraction.date_words import DateWords
from streams.extraction.dates import find_dates
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
    "field",
    ["same_day_marks", "next_day_marks", "anaphora_determiners", "anaphora_nouns"],
)
def test_timing_words_file_rejects_an_empty_list(field: str) -> None:
    raw = json.loads((DATA_DIR / "en" / "date_words.json").read_text(encoding="utf-8"))
    DateWords.model_validate(raw)  # the file as shipped is valid
    raw[field] = []
    with pytest.raises(ValidationError):
        DateWords.model_validate(raw)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the next sentence names the happening again and gives it a day
        (
            "Police killed a rebel commander in an encounter near Tura. The encounter took "
            "place in a forest near the river at dawn yesterday.",
            "2025-10-21",
        ),
        # ... but not across a paragraph break: the publication day
        (
            "Police killed a rebel commander in an encounter near Tura.\n"
            "The encounter took place in a forest near the river at dawn yesterday.",
            "2025-10-22",
        ),
        # the day something was said is not the happening's
        (
            "Police killed a rebel commander in an encounter near Tura. The encounter was "
            "condemned by the governor, officials said on Monday.",
            "2025-10-22",
        ),
        # a happening not named again (no definite article): its day is not carried back
        (
            "Police killed a rebel commander in an encounter near Tura. Another encounter "
            "took place in a forest near the river on Monday.",
            "2025-10-22",
        ),
    ],
)
def test_timing_happening_named_again_in_the_next_sentence_gives_its_day(
    text: str, day: str
) -> None:
    told = [e for e in _events(text) if e.evidence.sentence.startswith("Police killed")]
    assert [(e.event_type, e.when.date, e.when.precision) for e in told] == [
        ("armed_clash", day, "day")
    ]


SHELLED = "Militants shelled the town of Mandera on Monday, killing three people.\n\n"
CLASHED = (
    "Students clashed with rivals over a ceremony at the university campus in Shillong on Sunday.\n"
)


@pytest.mark.parametrize(
    ("text", "event_type", "day"),
    [
        # the doers named again go on with the shelling told before
        (SHELLED + "The attackers abducted two teachers in Wajir.", "abduction", "2025-10-20"),
        (SHELLED + "Masked men abducted two teachers in Wajir.", "abduction", "2025-10-22"),
        # a happening noun of the triggers named again: the clash told before
        (CLASHED + "The fight between the groups left six injured.", "armed_clash", "2025-10-19"),
        (CLASHED + "Another fight between groups left six injured.", "armed_clash", "2025-10-22"),
    ],
)
def test_timing_paragraph_opening_named_again_goes_on_with_that_day(
    text: str, event_type: str, day: str
) -> None:
    assert _whens(_events(text), event_type) == {(day, "day")}


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # a dotted month abbreviation needs no space before the day
        ("rebels raided the depot on Feb.3, firing into the air", ("2025-02-03", "Feb.3")),
        ("on Sept.14 gunmen stormed the camp", ("2025-09-14", "Sept.14")),
        ("on Dec.31, 2024 rebels shelled the town", ("2024-12-31", "Dec.31, 2024")),
        ("on Feb. 3, rebels raided the depot", ("2025-02-03", "Feb. 3")),
    ],
)
def test_timing_dotted_month_abbreviation_reads_the_day(text: str, when: tuple[str, str]) -> None:
    found = find_dates(text, date(2025, 10, 22))
    assert [(m.date.isoformat(), m.text, m.precision) for m in found] == [(*when, "day")]


def test_timing_dotted_month_before_a_year_in_figures_is_no_day() -> None:
    assert find_dates("the Mar.2020 report on the raids", date(2025, 10, 22)) == []
