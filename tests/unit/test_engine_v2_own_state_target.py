"""A state's forces are not their own target: 'troops killed ten rebels in northern Mali' names
Mali as where it happened, so the target is the rebels, not Mali (extractors/attack_roles.py
`_drop_own_state`). Sentences written for these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2026-03-04T10:00:00Z"


def _only(text: str) -> Event:
    article = Article(text=text, published_at=PUB)
    events = extract(article, extracted_at=datetime(2026, 3, 4, tzinfo=UTC), engine="spacy")
    assert len(events) == 1, [e.event_type for e in events]
    return events[0]


def _sides(event: Event) -> list[tuple[str, str, str]]:
    return [(a.role, a.name, a.kind) for a in event.actors]


@pytest.mark.parametrize(
    ("text", "country", "group"),
    [
        ("Troops killed ten rebels in northern Mali on Tuesday, the army said.", "Mali", "Rebels"),
        ("Soldiers killed four insurgents in eastern Chad on Monday.", "Chad", "Insurgents"),
    ],
)
def test_forces_acting_at_home_fight_the_group_they_killed(
    text: str, country: str, group: str
) -> None:
    event = _only(text)
    assert event.event_type == "armed_clash"
    assert _sides(event) == [
        ("initiator", country, "armed_forces"),
        ("target", group, "group"),
    ]


def test_a_group_attacking_soldiers_still_has_the_state_as_its_target() -> None:
    event = _only("Rebels killed ten soldiers in northern Mali on Tuesday.")
    assert _sides(event) == [("initiator", "Rebels", "group"), ("target", "Mali", "state")]
    assert event.quantities.killed is not None and event.quantities.killed.value == 10
