"""Engine v2 on type confusions of events it finds (issue 12, round 7): unarmed partisans
(supporters, activists) who fight each other or the state's forces are rioters, not a battle;
a violent act named as what a demonstration protests is no violence of the crowd. Sentences
written for these tests (in no gold set and not in the ACLED cache); each checks the type and
sub-type, and a near miss the rule must leave alone."""

from __future__ import annotations

import pytest

from tests.unit.test_engine_v2_unrest_strategic import _events, _of, _types

# --- crowds of partisans, and crowds against the state's forces -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, supporters of two rival parties clashed in Mardan, leaving nine injured.",
        "On Monday, eleven people were hurt in Sukkur when a clash broke out between PPP and "
        "PTI activists.",
        "On Monday, political opponents clashed in Tamale after the count, injuring four.",
    ],
)
def test_partisans_fighting_each_other_are_mob_violence(text: str) -> None:
    event = _of(text, "mob_violence")
    assert event.codes.acled_event_type == "Riots"
    assert event.codes.acled_sub_event_type == "Mob violence"
    assert event.when.date == "2025-03-03"
    assert "armed_clash" not in _types(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("On Monday, police clashed with residents of Kibera in Nairobi.", "Nairobi"),
        ("On Monday, six activists were injured in a clash with police in Sylhet.", "Sylhet"),
        ("On Monday, soldiers clashed with stone-throwing youths in Conakry.", "Conakry"),
    ],
)
def test_a_crowd_against_the_state_forces_is_a_riot(text: str, place: str) -> None:
    event = _of(text, "mob_violence")
    assert event.codes.acled_event_type == "Riots"
    assert place in {p.name for p in event.locations}
    assert "armed_clash" not in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        # an armed side: a battle stays
        "On Monday, police clashed with militants in Quetta, killing two.",
        "On Monday, soldiers clashed with Al Shabaab fighters near Baidoa.",
        # a group of members is no crowd of partisans
        "On Monday, members of the militia clashed with soldiers near Bria, killing three.",
    ],
)
def test_armed_sides_keep_the_battle(text: str) -> None:
    assert "armed_clash" in _types(text)
    assert not {"mob_violence", "riot"} & _types(text)


# --- violence named as a demonstration's grievance ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, traders staged a protest in Kisumu against the county for demolishing "
        "their stalls.",
        "On Monday, villagers demonstrated in Kandi for the return of stolen cattle.",
        "On Monday, women marched in Kandi. They demanded a new school after the old one was "
        "destroyed.",
    ],
)
def test_violence_protested_is_a_peaceful_protest(text: str) -> None:
    event = _of(text, "protest")
    assert event.codes.acled_event_type == "Protests"
    assert event.codes.acled_sub_event_type == "Peaceful protest"
    assert event.when.date == "2025-03-03"
    assert "riot" not in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, students protested in Kandi and burned the office of the mayor.",
        "On Monday, traders protested in Kisumu and looted shops near the market.",
    ],
)
def test_the_crowds_own_destruction_stays_a_violent_demonstration(text: str) -> None:
    types = {e.codes.acled_sub_event_type for e in _events(text)}
    assert "Violent demonstration" in types
    assert "Peaceful protest" not in types


# --- force on demonstrators ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, security forces shot and killed a demonstrator in Gimbi.",
        "On Monday, soldiers shot dead two protesters in Nekemte.",
    ],
)
def test_state_forces_killing_demonstrators_is_excessive_force(text: str) -> None:
    event = _of(text, "excessive_force_against_protesters")
    assert event.codes.acled_event_type == "Protests"
    assert event.codes.acled_sub_event_type == "Excessive force against protesters"
    assert event.when.date == "2025-03-03"
    assert "attack_on_civilians" not in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        # an armed group's gunmen, or a crowd, harming people: no force on demonstrators
        "On Monday, unknown gunmen shot and killed a demonstrator in Gimbi.",
        "On Monday, soldiers shot dead two farmers in Nekemte.",
    ],
)
def test_other_doers_or_victims_stay_an_attack(text: str) -> None:
    assert "excessive_force_against_protesters" not in _types(text)
    assert "attack_on_civilians" in _types(text)


def test_demonstrators_shot_in_the_next_sentence_is_excessive_force() -> None:
    text = (
        "On Monday, hundreds of farmers protested in Kisumu against land seizures. "
        "At least two protesters were shot by soldiers."
    )
    event = _of(text, "excessive_force_against_protesters")
    assert event.codes.acled_sub_event_type == "Excessive force against protesters"
    assert [p.name for p in event.locations] == ["Kisumu"]
    assert "protest" not in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, police shot in the air to disperse demonstrators who blocked a road in Kisumu.",
        "On Monday, students protested in Kisumu and soldiers were sent to quell them.",
    ],
)
def test_shots_at_no_one_and_quelling_are_an_intervention(text: str) -> None:
    event = _of(text, "protest_with_intervention")
    assert event.codes.acled_sub_event_type == "Protest with intervention"
    assert "excessive_force_against_protesters" not in _types(text)


def test_shots_at_demonstrators_stay_excessive_force() -> None:
    text = "On Monday, police shot at demonstrators who blocked a road in Kisumu."
    event = _of(text, "excessive_force_against_protesters")
    assert event.codes.acled_event_type == "Protests"
