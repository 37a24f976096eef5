"""Engine v2: who is on which side of an attack. The parse's side wins over the legacy reading
where they differ (a passive subject is acted upon, a by-agent acts); an act laid to someone
('blamed on X') names its doer; demonyms and named state forces carry their own country.
Sentences written for these tests, in no gold set."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.extraction.annotated import Sentence
from streams.extraction.extractors.common import Proto
from streams.extraction.normalize import compatible
from streams.schemas import Actor, Article

PUB = "2025-03-04T09:00:00Z"


def _sides(text: str) -> set[tuple[str, str, str | None, str]]:
    article = Article(text=text, published_at=PUB)
    events = extract(article, extracted_at=datetime(2025, 3, 4, tzinfo=UTC), engine="spacy")
    conflict = [e for e in events if e.category == "conflict"]
    assert len(conflict) == 1, [e.event_type for e in events]
    return {(a.role, a.name, a.country, a.kind) for a in conflict[0].actors}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the subject of a passive attack is its target, the by-agent its doer
            "Kenyan police officers were ambushed by militants near Mandera on Monday, and "
            "three of them died.",
            {
                ("target", "Kenya", "KEN", "armed_forces"),
                ("initiator", "Militants", "KEN", "group"),
            },
        ),
        (
            "Senegalese troops were attacked by rebels near Ziguinchor on Friday.",
            {
                ("target", "Senegal", "SEN", "armed_forces"),
                ("initiator", "Rebels", "SEN", "group"),
            },
        ),
        (  # an attack laid to a group names its doer, not its target
            "A roadside bomb killed four soldiers near Kandahar on Monday, in an attack blamed "
            "on the Taliban.",
            {("initiator", "Taliban", "AFG", "group")},
        ),
        (
            "Two officers died when a bomb exploded near a checkpoint in Khost on Monday, an "
            "attack attributed to the Taliban.",
            {("initiator", "Taliban", "AFG", "group")},
        ),
        (  # who leads an act is its doer; civilians the parse names as victims are the
            # target, not the country named as the place
            "A Saudi-led air raid on a fishing harbour in western Yemen killed 20 Indian "
            "fishermen on Tuesday.",
            {
                ("initiator", "Saudi Arabia", "SAU", "state"),
                ("target", "civilians", "IND", "civilians"),
            },
        ),
        (
            "An air raid on a fishing harbour in southern Somalia killed nine Kenyan fishermen "
            "on Sunday.",
            {("target", "civilians", "KEN", "civilians")},
        ),
        (
            "A Nigerian-led patrol attacked a militant camp near Baga on Monday, killing seven "
            "fighters.",
            {("initiator", "Nigeria", "NGA", "state")},
        ),
        (  # a named state force is its state's armed forces
            "FACA soldiers attacked a rebel base near Bambari on Sunday, killing six fighters.",
            {("initiator", "Central African Armed Forces", "CAF", "armed_forces")},
        ),
    ],
)
def test_sides(text: str, expected: set[tuple[str, str, str | None, str]]) -> None:
    assert _sides(text) == expected


def test_a_longer_demonym_is_not_read_as_the_shorter_one() -> None:
    """'South Sudanese soldiers' are South Sudan's forces, not Sudan's."""
    sides = _sides(
        "About twenty South Sudanese soldiers were killed in an ambush by gunmen near the town "
        "of Akobo on Monday."
    )
    assert ("target", "South Sudan", "SSD", "armed_forces") in sides
    assert all(country != "SDN" for _, _, country, _ in sides)


def _clash(event_type: str, initiator: str, target: str, country: dict[str, str]) -> Proto:
    sent = Sentence(0, 0, 10, "x" * 10)
    proto = Proto(event_type, sent, (0, 5), "test", "1")
    proto.actors = [
        Actor(role="initiator", name=initiator, kind="group", country=country[initiator]),
        Actor(role="target", name=target, kind="armed_forces", country=country[target]),
    ]
    return proto


@pytest.mark.parametrize(
    ("event_type", "merges"),
    [("armed_clash", True), ("air_strike", False), ("attack_on_civilians", False)],
)
def test_a_battle_told_from_the_other_side_is_one_battle(event_type: str, merges: bool) -> None:
    """'Militia fought the army' and 'the army fought the militia' are one battle (a battle's
    two sides have no direction); a strike or an attack on civilians keeps its direction."""
    country = {"Ogoni Militia": "NGA", "Cameroon": "CMR"}
    one = _clash(event_type, "Ogoni Militia", "Cameroon", country)
    other = _clash(event_type, "Cameroon", "Ogoni Militia", country)
    assert compatible(one, other) is merges
    assert compatible(one, _clash(event_type, "Ogoni Militia", "Cameroon", country))
