"""Engine v2 on acts it used to leave with no event (round 7, ACLED notes): armed groups the
actor lexicon lacked, a doer named by an amount ('dozens of police officers'), people's nouns
('commissioner', 'couple'), moves of forces, group formation, prison breaks, beatings
('thrashed'), 'set X Y on fire' and the headline's bare singular victim ('Troops kill
farmer'). Sentences written for these tests, in no gold set and not in the ACLED cache; each
checks the type, ACLED codes, actors, place and date, and the near misses make no event."""

from __future__ import annotations

import pytest

from streams.schemas import Event
from tests.unit.test_engine_v2_no_event_notes import MONDAY, _codes, _events, _one, _places


def _actors(event: Event, role: str) -> set[str]:
    return {a.name for a in event.actors if a.role == role}


VAC = ("Violence against civilians", "Attack")
MOVE = ("Strategic developments", "Change to group/activity")


@pytest.mark.parametrize(
    ("text", "group", "codes", "place"),
    [
        (
            "Anti-Balaka militiamen beat two traders in Bangui on Monday.",
            "Anti-Balaka",
            VAC,
            "Bangui",
        ),
        (
            "Anti-Balaka took over control of Bouca on Monday.",
            "Anti-Balaka",
            ("Strategic developments", "Non-violent transfer of territory"),
            "Bouca",
        ),
        (
            "ONLF fighters retreated to Degehabur on Monday.",
            "Ogaden National Liberation Front",
            MOVE,
            "Degeh Bur",
        ),
    ],
)
def test_armed_groups_of_the_lexicon_are_the_doers(
    text: str, group: str, codes: tuple[str, str], place: str
) -> None:
    event = _one(text)
    assert _codes(event) == codes
    assert _actors(event, "initiator") == {group}
    assert _places(event) == [place]
    assert event.when.date == MONDAY


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, dozens of Kenyan police officers beat a civilian in a park in Kisumu.",
        "A band of armed men beat a civilian in Kisumu on Monday.",
    ],
)
def test_a_doer_named_by_an_amount_is_its_people(text: str) -> None:
    event = _one(text)
    assert event.event_type == "attack_on_civilians"
    assert _codes(event) == VAC
    assert _places(event) == ["Kisumu"]
    assert event.when.date == MONDAY


@pytest.mark.parametrize(
    ("text", "event_type", "codes"),
    [
        (
            "Gunmen shot dead a police commissioner in Yei on Monday.",
            "armed_clash",
            ("Battles", "Armed clash"),
        ),
        (
            "Gunmen shot dead a county commissioner in Yei on Monday.",
            "attack_on_civilians",
            VAC,
        ),
        ("Gunmen beat a couple in Bambari on Monday.", "attack_on_civilians", VAC),
    ],
)
def test_commissioner_and_couple_name_people(
    text: str, event_type: str, codes: tuple[str, str]
) -> None:
    event = _one(text)
    assert event.event_type == event_type
    assert _codes(event) == codes
    assert event.when.date == MONDAY
    if "shot dead" in text:
        assert event.quantities.killed is not None and event.quantities.killed.value == 1


def test_forces_retreating_to_a_town_move() -> None:
    event = _one("Government troops retreated to Kaga-Bandoro on Monday.")
    assert event.event_type == "group_change"
    assert _codes(event) == MOVE
    assert _places(event) == ["Kaga-Bandoro"]
    assert event.when.date == MONDAY


def test_civilians_fleeing_are_no_move_of_forces() -> None:
    found = _events("Villagers fled to Kaga-Bandoro on Monday.")
    assert all(e.event_type != "group_change" for e in found)


@pytest.mark.parametrize(
    ("text", "place", "date"),
    [
        (
            "Former rebels formed a new armed group in Vakaga prefecture on Monday.",
            "Vakaga",
            MONDAY,
        ),
        ("A new militia forms in Vakaga prefecture", "Vakaga", "2025-03-04"),
    ],
)
def test_a_group_formed_is_a_change_of_group(text: str, place: str, date: str) -> None:
    event = _one(text)
    assert event.event_type == "group_change"
    assert _codes(event) == MOVE
    assert _places(event) == [place]
    assert event.when.date == date


def test_a_group_formed_by_no_armed_actor_is_none() -> None:
    assert _events("Students formed a new debating group at the university on Monday.") == []


def test_groups_launching_an_offensive_form_no_group() -> None:
    found = _events("Two armed groups launched an offensive near Kaga-Bandoro in 2023.")
    assert all(e.event_type != "group_change" for e in found)


def test_a_prison_break_is_strategic_other() -> None:
    event = _one("Dozens of detainees escaped from the central prison in Bangui on Monday.")
    assert event.event_type == "strategic_other"
    assert _codes(event) == ("Strategic developments", "Other")
    assert _places(event) == ["Bangui"]
    assert event.when.date == MONDAY


@pytest.mark.parametrize(
    "text",
    [
        "A dog escaped from its kennel on Monday.",
        "The men were jailed in 2019 after a failed escape from prison.",  # a noun, no act told
    ],
)
def test_an_escape_from_no_prison_or_told_by_a_noun_is_none(text: str) -> None:
    assert _events(text) == []


def test_thrashed_is_a_beating() -> None:
    event = _one("Soldiers thrashed two traders at a checkpoint in Bambari on Monday.")
    assert event.event_type == "attack_on_civilians"
    assert _codes(event) == VAC
    assert _places(event) == ["Bambari"]
    assert event.when.date == MONDAY


def test_set_on_fire_with_three_words_between() -> None:
    event = _one("Party cadres set two trucks on fire in Bharatpur on Monday.")
    assert _codes(event) == ("Riots", "Mob violence")
    assert _places(event) == ["Bharatpur"]
    assert event.when.date == MONDAY


def test_a_headline_with_a_bare_singular_victim_is_news() -> None:
    event = _one("Troops kill farmer in Bambari. The army denied the report.")
    assert event.event_type == "attack_on_civilians"
    assert _codes(event) == VAC
    assert _places(event) == ["Bambari"]
    assert event.quantities.killed is not None and event.quantities.killed.value == 1


def test_a_habit_with_a_bare_singular_victim_is_none() -> None:
    assert _events("Bandits often kill trader in this district.") == []
