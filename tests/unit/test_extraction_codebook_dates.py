"""Codebook rule 5 (docs/codebook.md): how verbal acts, planned acts and vague dates are dated."""

from __future__ import annotations

import pytest

from streams.extraction import extract
from streams.schemas import Article, Event

MONDAY = "2025-03-10T09:00:00Z"
SHELLING = "Rebels shelled the town of Kindu on Saturday, killing four villagers. "


def _events(text: str, published_at: str = MONDAY) -> list[Event]:
    return extract(Article(id="codebook", text=text, published_at=published_at))


def _one(events: list[Event], event_type: str) -> Event:
    [event] = [e for e in events if e.event_type == event_type]
    return event


def test_codebook_verbal_act_without_a_day_takes_the_publication_day() -> None:
    events = _events(SHELLING + "Uganda's foreign ministry condemned the shelling.")
    assert _one(events, "missile_attack").when.date == "2025-03-08"
    # not the day of the shelling it reacts to, told in the sentence before
    assert _one(events, "condemnation").when.date == "2025-03-10"


@pytest.mark.parametrize(
    ("reaction", "day"),
    [
        ("Uganda's foreign ministry on Sunday condemned the shelling.", "2025-03-09"),
        ("Hours later, Uganda's foreign ministry condemned the shelling.", "2025-03-08"),
    ],
)
def test_codebook_verbal_act_keeps_its_stated_day(reaction: str, day: str) -> None:
    assert _one(_events(SHELLING + reaction), "condemnation").when.date == day


def test_codebook_planned_act_without_a_day_has_no_date() -> None:
    text = (
        "Kenya's president will visit Ethiopia for talks with Prime Minister Abiy Ahmed, a "
        "spokesman said on Monday."
    )
    meeting = _one(_events(text, "2025-03-12T09:00:00Z"), "diplomatic_meeting")
    assert meeting.status == "planned"
    assert meeting.when.date is None  # Monday is when it was announced, not the visit's day


def test_codebook_planned_act_keeps_the_day_planned_for() -> None:
    text = (
        "Kenya's president will visit Addis Ababa on Thursday for talks with Prime Minister "
        "Abiy Ahmed, a spokesman said on Monday."
    )
    meeting = _one(_events(text), "diplomatic_meeting")
    assert (meeting.status, meeting.when.date) == ("planned", "2025-03-13")


def test_codebook_cancelled_act_is_dated_by_the_announcement() -> None:
    text = (
        "A planned visit by Slovakia's prime minister to Kyiv has been called off, his office "
        "said on Monday."
    )
    meeting = _one(_events(text, "2025-03-12T09:00:00Z"), "diplomatic_meeting")
    assert (meeting.status, meeting.when.date) == ("cancelled", "2025-03-10")


def test_codebook_happening_dated_to_a_week_has_no_date() -> None:
    text = "Last week, Fano militiamen clashed with federal troops near Woldia, residents said."
    clash = _one(_events(text), "armed_clash")
    assert (clash.when.date, clash.when.precision) == (None, "week")
