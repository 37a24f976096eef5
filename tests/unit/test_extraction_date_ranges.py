"""Date ranges, possessive dates, asides and report dates (data/en/date_words.json)."""

from __future__ import annotations

from datetime import date

import pytest

from streams.extraction import extract
from streams.extraction.dates import find_dates
from streams.schemas import Article, Event

PUB = date(2025, 10, 22)  # a Wednesday
MORNING = "2025-10-22T08:00:00Z"


@pytest.mark.parametrize(
    ("text", "day", "words"),
    [
        # a range is dated by the day the happening began
        ("fighting went on over 14-16 October", "2025-10-14", "14-16 October"),
        ("the siege lasted 3rd to 5th of October", "2025-10-03", "3rd to 5th of October"),
        ("between 8 and 11 October", "2025-10-08", "8 and 11 October"),
        ("raids on Sept. 29 - 30, 2024", "2024-09-29", "Sept. 29 - 30, 2024"),
        ("between 28 September and 2 October", "2025-09-28", "28 September and 2 October"),
        # the first day takes the year of the last
        ("from 29 December to 3 January 2024", "2023-12-29", "29 December to 3 January 2024"),
        # a night is dated by the morning it ended
        ("on the night of 19-20 October", "2025-10-20", "19-20 October"),
        # two days listed, no range lead: the last, as before
        ("on 12 and 19 October", "2025-10-19", "12 and 19 October"),
        # the evening before publication; "overnight" stays the publication day
        ("last night", "2025-10-21", "last night"),
        ("overnight", "2025-10-22", "overnight"),
    ],
)
def test_date_ranges_resolve(text: str, day: str, words: str) -> None:
    found = find_dates(text, PUB)
    assert [(m.date.isoformat(), m.precision, m.text) for m in found] == [(day, "day", words)]


def test_date_month_first_and_is_not_a_range() -> None:
    # "and" after a month-first day would read a count as the last day
    found = find_dates("On October 9 and 3 people were hurt", PUB)
    assert [(m.date.isoformat(), m.text) for m in found] == [("2025-10-09", "October 9")]


def test_date_the_day_before_a_happening_is_not_counted_from_publication() -> None:
    assert find_dates("the ministry rejected it the day before the march", PUB) == []
    [found] = find_dates("Soldiers were ambushed the day before.", PUB)
    assert (found.date.isoformat(), found.precision) == ("2025-10-21", "day")


def _events(text: str, published_at: str = MORNING) -> list[Event]:
    return extract(Article(id="dates", text=text, published_at=published_at))


def _dates(events: list[Event], event_type: str) -> set[tuple[str | None, str]]:
    return {(e.when.date, e.when.precision) for e in events if e.event_type == event_type}


def test_date_killed_in_a_possessive_dated_happening_takes_its_day() -> None:
    events = _events(
        "Provincial officials confirmed on Wednesday that nine passengers died in Monday's "
        "ambush of a bus by gunmen near Kasese."
    )
    assert ("2025-10-20", "day") in {(e.when.date, e.when.precision) for e in events}
    assert all(e.when.date != "2025-10-22" for e in events if e.event_type != "statement")


def test_date_condemning_a_possessive_dated_happening_keeps_the_publication_day() -> None:
    events = _events("The foreign ministry of Kenya condemned Monday's bombing of a market.")
    assert _dates(events, "condemnation") == {("2025-10-22", "day")}


def test_date_part_of_day_possessive_is_another_happenings_day() -> None:
    events = _events(
        "Protesters who condemned the deaths of two men during Sunday evening's raid torched "
        "the police station in Marsabit on Tuesday."
    )
    assert _dates(events, "riot") == {("2025-10-21", "day")}


def test_date_aside_in_the_previous_sentence_is_not_carried() -> None:
    events = _events(
        "On 19 October 2025, in Bunia, relatives of a miner (shot by soldiers on 2 March 2024) "
        "gathered at the town hall. Soldiers fired tear gas at the crowd and arrested six "
        "of them."
    )
    assert _dates(events, "arrest") == {("2025-10-19", "day")}


def test_date_report_day_dates_a_happening_with_no_day() -> None:
    events = _events(
        "As reported on 18 October 2025, in Goma, an aid group lost contact with its staff. "
        "Gunmen abducted three aid workers from their car near the hospital."
    )
    assert _dates(events, "abduction") == {("2025-10-18", "day")}


def test_date_arrests_as_a_result_of_a_possessive_dated_riot_take_its_day() -> None:
    events = _events(
        "Police said on Wednesday that nine protesters were arrested in Kampala as a result "
        "of Sunday's riot."
    )
    assert _dates(events, "arrest") == {("2025-10-19", "day")}


def test_date_meeting_with_no_day_takes_the_day_told_before() -> None:
    # a meeting held is a material act: it goes on with the day of the sentence before, where
    # a verbal act with no day of its own takes the publication day
    events = _events(
        "Late on Monday, Kenya's president announced that Kenyan troops would leave Somalia. "
        "The announcement came after Ruto had a phone conversation with Somali President "
        "Hassan Sheikh Mohamud."
    )
    assert _dates(events, "diplomatic_meeting") == {("2025-10-20", "day")}


@pytest.mark.parametrize(
    ("text", "event_type", "when"),
    [
        # dated only as recent: no date, precision week (codebook rule 5)
        (
            "Ugandan President Yoweri Museveni recently met Kenyan President William Ruto in "
            "Nairobi.",
            "diplomatic_meeting",
            (None, "week"),
        ),
        # a day stated in the sentence wins over "recently"
        (
            "Rebels recently shelled the town of Beni on Monday, killing three people.",
            "missile_attack",
            ("2025-10-20", "day"),
        ),
        # "recently" qualifying a noun dates nothing
        (
            "Kenya's recently appointed foreign minister condemned the attack on the Kenyan "
            "embassy in Juba.",
            "condemnation",
            ("2025-10-22", "day"),
        ),
    ],
)
def test_date_recently(text: str, event_type: str, when: tuple[str | None, str]) -> None:
    assert _dates(_events(text), event_type) == {when}


def test_date_possessive_with_a_cp1252_apostrophe() -> None:
    # "today\x92s": a right quote of a Windows-1252 text read as Latin-1 is an apostrophe too
    events = _events(
        "Four soldiers were wounded in today\x92s fighting with rebels across Sirte on 20 October."
    )
    assert _dates(events, "armed_clash") == {("2025-10-20", "day")}


@pytest.mark.parametrize(
    ("source", "url", "day"),
    [
        # 02:00 UTC is still the evening before in Washington, the newsroom's day
        ("Voice of America", None, "2025-10-20"),
        (None, "https://www.voanews.com/a/some-story/123.html", "2025-10-20"),
        # an outlet whose zone is not known counts from the UTC day
        ("Some Wire", "https://example.org/story", "2025-10-21"),
    ],
)
def test_date_counts_from_the_outlets_local_day(
    source: str | None, url: str | None, day: str
) -> None:
    article = Article(
        id="zone",
        text="Soldiers shot dead two protesters in Kisumu yesterday.",
        published_at="2025-10-22T02:00:00Z",  # type: ignore[arg-type]
        source=source,
        url=url,
    )
    assert {(e.when.date, e.when.precision) for e in extract(article)} == {(day, "day")}
