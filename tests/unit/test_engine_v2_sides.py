"""Engine v2: who fights decides the type; what was told before or an earlier year
('the 2016 bombing') decides whether a sentence is an event of its own. Sentences written for
these tests, in no gold set."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2025-03-04T09:00:00Z"  # a Tuesday
STRIKE = (
    "Russian drones struck the city of Sumy overnight, killing two people, the governor said on "
    "Monday. "
)


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2025, 3, 4, tzinfo=UTC), engine="spacy")


TYPES = {
    "a state's assault groups are no mob": (
        "Russian assault groups attacked Ukrainian positions near the village of Torske on "
        "Monday, the General Staff said.",
        ["armed_clash"],
    ),
    "weapons seized in the raids of an arrest told before are its spoils": (
        "Police arrested nine men in the town of Garissa on Monday on suspicion of planning "
        "attacks. Rifles and grenades were seized in the raids, a police spokesman said.",
        ["arrest"],
    ),
    "weapons seized in a raid of their own are a disruption": (
        "Rifles and grenades were seized in a raid in Garissa on Monday, police said.",
        ["armed_clash", "disrupted_weapons_use"],
    ),
    "damage done by someone named after a strike is its own event": (
        STRIKE + "Soldiers later set fire to a school in the Zarichnyi district.",
        ["air_strike", "attack_on_infrastructure"],
    ),
    "an act the text dates to an earlier year is history": (
        "A court in Lyon opened the trial on Monday over the 2016 bombing of a market in Kabul "
        "that killed 30 people. Prosecutors said the bombing was planned by two brothers.",
        [],
    ),
    "a new act of a kind the text also dates to an earlier year is news": (
        "A car bomb exploded at a market in Kabul on Monday, killing 30 people. The blast came "
        "nine years after the 2016 bombing of a nearby mosque.",
        ["remote_explosive"],
    ),
    "a sentence pointing back to an earlier year is history": (
        "The inquiry on Monday heard evidence about the 2019 raid on the village of Bakassi. In "
        "that raid, soldiers killed 14 farmers, a witness said.",
        [],
    ),
    "a sentence pointing back to this week is news": (
        "Soldiers raided the village of Bakassi on Sunday. In that raid, soldiers killed 14 "
        "farmers, a witness said.",
        ["attack_on_civilians"],
    ),
    "the month of March is no demonstration": (
        "On 14 March, gunmen ambushed a convoy of soldiers near the town of Djibo, killing 12.",
        ["armed_clash"],
    ),
}


@pytest.mark.parametrize("case", sorted(TYPES))
def test_the_sides_and_what_was_told_before_give_the_types(case: str) -> None:
    text, expected = TYPES[case]
    assert sorted(e.event_type for e in _events(text)) == expected


def test_a_crowd_of_youths_stays_a_mob() -> None:
    text = "A mob of Kenyan youths attacked two traders in the town of Eldoret on Monday."
    (event,) = _events(text)
    assert event.event_type == "mob_violence"
    assert [a.name for a in event.actors if a.role == "initiator"] == ["Kenya"]


def test_damage_with_no_doer_after_a_strike_is_the_strike_s() -> None:
    text = (
        STRIKE + "Falling debris hit a school in the Zarichnyi district, setting fire to its roof."
    )
    (event,) = _events(text)
    assert (event.event_type, [loc.name for loc in event.locations]) == ("air_strike", ["Sumy"])
    assert event.quantities.killed is not None and event.quantities.killed.value == 2


def test_demonstrators_who_clash_with_police_riot() -> None:
    text = (
        "Students protesting fuel prices clashed with police in the city of Kumasi on Monday; one "
        "student was killed and 40 others were injured."
    )
    (event,) = _events(text)
    assert (event.event_type, [loc.name for loc in event.locations]) == ("riot", ["Kumasi"])
    assert event.quantities.killed is not None and event.quantities.killed.value == 1
