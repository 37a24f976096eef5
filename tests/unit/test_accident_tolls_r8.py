"""The dead of an accident are no conflict act's, told before it or as its own event
(data/en/accidents.json; components/families/tolls.py toll_before)."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2025-01-22T12:00:00Z"


def _events(text: str) -> list[Event]:
    return extract(
        Article(text=text, published_at=PUB), extracted_at=datetime(2025, 1, 22, tzinfo=UTC)
    )


def _killed(event: Event) -> int | None:
    return event.quantities.killed.value if event.quantities.killed else None


def test_victims_of_a_road_accident_struck_by_a_vehicle_make_no_event() -> None:
    text = (
        "Six people were killed in a road accident near Kisumu on Monday. The victims had left "
        "their bus after a tyre burst and were struck and killed by a passing lorry."
    )
    assert _events(text) == []


def test_an_accidents_dead_do_not_go_to_the_attack_told_after_it() -> None:
    text = (
        "Six people were killed in a road accident near Kisumu on Monday. Hours later, gunmen "
        "attacked a police post in the town."
    )
    assert [(e.event_type, _killed(e)) for e in _events(text)] == [("armed_clash", None)]


def test_a_killing_told_before_the_attack_still_gives_it_its_dead() -> None:
    text = (
        "A soldier was killed in Gao on Monday. He was attacked by gunmen near the market in "
        "the town."
    )
    assert [(e.event_type, _killed(e)) for e in _events(text)] == [("armed_clash", 1)]
