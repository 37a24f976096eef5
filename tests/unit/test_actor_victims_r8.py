"""Engine v2 actors (round 8): the civilians a harm names as its victims are its target, one
per country their demonyms name, in place of a state read only from the place or a victim's
demonym; the state struck by another state's forces, or by no one named, stays."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2025-10-22T09:00:00Z"


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2025, 10, 22, tzinfo=UTC))


def _targets(event: Event) -> set[tuple[str, str | None]]:
    return {(a.name, a.country) for a in event.actors if a.role == "target"}


def _conflict(text: str) -> Event:
    (event,) = [e for e in _events(text) if e.category == "conflict"]
    return event


def test_abducted_people_of_a_country_are_its_civilians() -> None:
    event = _conflict(
        "Gunmen kidnapped a Swedish aid manager and a Kenyan engineer from a hotel in Mandera, "
        "Kenya, on Tuesday."
    )
    assert event.event_type == "abduction"
    assert _targets(event) == {("civilians", "SWE"), ("civilians", "KEN")}


@pytest.mark.parametrize(
    ("text", "doer", "country"),
    [
        (
            "Al-Shabaab militants detonated a bomb in Baidoa, Somalia, on Friday, killing five "
            "traders.",
            "al-Shabaab",
            "SOM",
        ),
        (
            "A roadside bomb planted by ISWAP fighters killed six farmers near Monguno, "
            "Nigeria, on Friday.",
            "ISWAP",
            "NGA",
        ),
    ],
)
def test_group_bombing_at_home_targets_the_people_not_the_state(
    text: str, doer: str, country: str
) -> None:
    event = _conflict(text)
    assert event.event_type == "remote_explosive"
    assert [a.name for a in event.actors if a.role == "initiator"] == [doer]
    assert _targets(event) == {("civilians", country)}


def test_strike_by_another_state_keeps_the_state_as_target() -> None:
    event = _conflict(
        "Russian forces shelled Kherson, Ukraine, on Monday, killing three pensioners."
    )
    assert ("Ukraine", "UKR") in _targets(event)
