"""Engine v2 (STREAMS_ENGINE=spacy) on the protests, riots and strategic families: sentences
written for these tests (in no gold set and not in the ACLED cache), one or more per pattern
family, asserting the type, and where the family reads them, actors and place."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2025-03-04T09:00:00Z"  # a Tuesday


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2025, 3, 4, tzinfo=UTC), engine="spacy")


def _types(text: str) -> set[str]:
    return {e.event_type for e in _events(text)}


def _of(text: str, event_type: str) -> Event:
    found = [e for e in _events(text) if e.event_type == event_type]
    assert len(found) == 1, [e.summary for e in _events(text)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "Several hundred nurses marched through Nairobi on Monday to demand unpaid wages.",
            "protest",
            {"protest_with_intervention", "excessive_force_against_protesters"},
        ),
        (
            "Hundreds of teachers protested in Nairobi on Monday. Police fired tear gas and "
            "water cannon to disperse them.",
            "protest_with_intervention",
            {"protest", "excessive_force_against_protesters"},
        ),
        (
            "Soldiers opened fire on demonstrators in Conakry on Monday, killing two marchers.",
            "excessive_force_against_protesters",
            {"protest", "protest_with_intervention"},
        ),
        (
            "Police used live ammunition against students protesting in Bamako on Sunday.",
            "excessive_force_against_protesters",
            {"protest"},
        ),
    ],
)
def test_engine_v2_protest_subtypes(text: str, expected: str, absent: set[str]) -> None:
    types = _types(text)
    assert expected in types
    assert not types & absent


def test_engine_v2_mob_violence_outside_a_demonstration() -> None:
    event = _of(
        "An angry crowd beat a man accused of stealing a goat to death in Kisumu on Sunday.",
        "mob_violence",
    )
    assert [loc.name for loc in event.locations] == ["Kisumu"]


def test_engine_v2_riot_with_demonstrators_stays_a_violent_demonstration() -> None:
    types = _types(
        "Rioters burned tyres and stoned police during a demonstration in Lagos on Monday."
    )
    assert "riot" in types
    assert "mob_violence" not in types


@pytest.mark.parametrize(
    ("text", "expected", "place"),
    [
        (
            "On Sunday, insurgents set up a new base in a forest near Beni and dug trenches.",
            "base_established",
            "Beni",
        ),
        (
            "On Sunday, soldiers defused a roadside device planted near Beledweyne.",
            "disrupted_weapons_use",
            "Beledweyne",
        ),
        (
            "Air defence units shot down four drones over Belgorod on Monday night.",
            "disrupted_weapons_use",
            "Belgorod",
        ),
        (
            "On Monday, militiamen looted shops and pillaged a warehouse in Bunia.",
            "attack_on_infrastructure",
            "Bunia",
        ),
        (
            "On Sunday, rebels withdrew from Kidal and handed the town over to the army.",
            "territory_transfer",
            "Kidal",
        ),
        (
            "On Monday, two militia commanders defected to the government with their fighters "
            "in Beni.",
            "group_change",
            "Beni",
        ),
    ],
)
def test_engine_v2_strategic_types(text: str, expected: str, place: str) -> None:
    event = _of(text, expected)
    assert place in [loc.name for loc in event.locations]


@pytest.mark.parametrize(
    "text",
    [
        # no forces named: a company taking over another is not a transfer of territory
        "The retailer took over a rival chain in Nairobi on Monday.",
        # a threat, not a happening
        "Gangs will loot shops in the town if the police leave.",
        # fighting is the event: the takeover is part of it
        "Rebels took over Kidal after heavy fighting with the army on Sunday.",
    ],
)
def test_engine_v2_strategic_not_an_event(text: str) -> None:
    types = _types(text)
    assert not types & {"territory_transfer", "attack_on_infrastructure", "group_change"}


def test_engine_v2_strategic_lower_case_text() -> None:
    text = "on sunday, soldiers defused a roadside device planted near beledweyne."
    assert "disrupted_weapons_use" in _types(text)


def test_a_crowd_fighting_soldiers_is_a_riot_not_mob_violence() -> None:
    # mob violence turns on civilians or property; a crowd against the state's forces riots
    text = "Rioters pelted soldiers with rocks and burned tyres in Goma on Friday."
    assert [e.event_type for e in _events(text)] == ["riot"]


def test_interceptions_told_with_the_launch_belong_to_the_wave() -> None:
    text = "Russia launched 60 drones at Odesa overnight, and air defences downed 45 of them."
    assert [e.event_type for e in _events(text)] == ["air_strike"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # weapons seized in an arrest are its spoils, no disrupted weapons use of their own
        (
            "Police arrested three men and seized rifles and grenades in a raid in Mombasa.",
            ["arrest"],
        ),
        # a relative clause describes the group: no change of activity told
        (
            "The militia, which has pledged allegiance to the Islamic State, controls villages "
            "along the river near Gao.",
            [],
        ),
        # a toll of another time harmed no protester: a peaceful protest
        (
            "Hundreds of teachers marched in Lagos on Monday to mourn the victims of a 2019 "
            "bridge collapse that killed 30 people.",
            ["protest"],
        ),
    ],
)
def test_acts_told_as_spoils_descriptions_or_past_harm_make_no_event(
    text: str, expected: list[str]
) -> None:
    assert [e.event_type for e in _events(text)] == expected


def test_a_crowd_word_before_an_attack_noun_is_no_mob_act() -> None:
    from streams.extraction import pipeline
    from streams.extraction.components.families.unrest import _act_is_noun

    def mob_acts(text: str) -> list[bool]:
        doc = pipeline.run(Article(text=text, published_at=PUB))
        triggers = [t for t in doc.spans["triggers"] if t._.pattern.id == "riots.mob_act"]
        return [_act_is_noun(doc, t) for t in triggers]

    claimed = (
        "Militants shelled the port of Kismayo on Sunday. The group claimed the attack online."
    )
    assert mob_acts(claimed) == [True]
    assert mob_acts("An angry mob attacked a bus depot in Kisumu on Sunday.") == [False]


def test_the_weapons_of_a_wave_told_before_intercepted_are_that_wave() -> None:
    text = (
        "Hezbollah fired a barrage of rockets at Nahariya on Sunday, wounding two people, medics "
        "said. The army said the rockets were intercepted over the sea."
    )
    assert [e.event_type for e in _events(text)] == ["missile_attack"]
