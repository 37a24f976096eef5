"""Who acts and who is arrested, from the words around the act: a killing verb ending in 'dead'
with its object after ('soldiers shot dead four insurgents') is said of the doer
(extractors/attack_actors.py VICTIM_AFTER); a demonym before an irregular fighters' noun
('Palestinian gunmen') names an unnamed group of that nationality (data/actors.json
irregular_nouns); a generic arrested head ('a man', 'individuals') gives way to a more
specific group the sentence names (data/en/arrests.json generic / specific). Sentences written
for these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2026-03-04T10:00:00Z"


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2026, 3, 4, tzinfo=UTC), engine="spacy")


def _sides(event: Event) -> list[tuple[str, str, str]]:
    return [(a.role, a.name, a.kind) for a in event.actors]


def _one(text: str, event_type: str) -> Event:
    found = [e for e in _events(text) if e.event_type == event_type]
    assert len(found) == 1, [e.event_type for e in _events(text)]
    return found[0]


@pytest.mark.parametrize(
    "verb", ["shot dead", "gunned down", "hacked to death", "killed", "shot and killed"]
)
def test_the_object_of_a_killing_verb_is_not_its_doer(verb: str) -> None:
    event = _one(f"Soldiers {verb} four insurgents in eastern Chad on Monday.", "armed_clash")
    assert _sides(event) == [
        ("initiator", "Chad", "armed_forces"),
        ("target", "Insurgents", "group"),
    ]


def test_victims_shot_dead_with_no_object_are_no_doers() -> None:
    event = _events("Two soldiers were shot dead by insurgents in eastern Chad on Monday.")[0]
    assert ("initiator", "Chad", "armed_forces") not in _sides(event)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Palestinian gunmen opened fire on a bus near Hebron on Monday, wounding five.",
            "Palestinian gunmen",
            "PSE",
        ),
        (
            "Sudanese rebels attacked an army base near El Fasher on Friday.",
            "Sudanese rebels",
            "SDN",
        ),
    ],
)
def test_a_demonym_before_irregular_fighters_names_a_group(
    text: str, name: str, country: str
) -> None:
    event = _events(text)[0]
    doer = event.actors[0]
    assert (doer.role, doer.name, doer.kind, doer.country) == ("initiator", name, "group", country)


def test_a_demonym_before_troops_still_names_the_state_forces() -> None:
    event = _events("Sudanese troops attacked a rebel base near El Fasher on Friday.")[0]
    doer = event.actors[0]
    assert (doer.role, doer.name, doer.kind) == ("initiator", "Sudan", "armed_forces")


def test_militants_killed_by_troops_are_a_group_of_their_nationality() -> None:
    event = _one(
        "Israeli troops killed two Palestinian militants in Jenin on Tuesday.", "armed_clash"
    )
    target = [a for a in event.actors if a.role == "target"]
    assert [(a.name, a.kind, a.country) for a in target] == [
        ("Palestinian militants", "group", "PSE")
    ]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Police arrested a man and three protesters in Nairobi on Monday.",
            "Protesters",
            "civilians",
        ),
        ("Police arrested a man and three militants in Peshawar on Monday.", "Militants", "group"),
    ],
)
def test_a_generic_arrested_head_gives_way_to_a_named_group(
    text: str, name: str, kind: str
) -> None:
    event = _one(text, "arrest")
    assert [(a.name, a.kind) for a in event.actors if a.role == "target"] == [(name, kind)]


def test_an_arrested_man_with_no_group_named_stays_a_man() -> None:
    event = _one("Police arrested a man over the killing of a trader in Kano on Monday.", "arrest")
    assert [(a.name, a.kind) for a in event.actors if a.role == "target"] == [("Man", "civilians")]
