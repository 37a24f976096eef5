"""Engine v2 on type confusions of events it finds (issue 12, round 7): unarmed partisans
(supporters, activists) who fight each other or the state's forces are rioters, not a battle;
a violent act named as what a demonstration protests is no violence of the crowd. Sentences
written for these tests (in no gold set and not in the ACLED cache); each checks the type and
sub-type, and a near miss the rule must leave alone."""

from __future__ import annotations

import pytest

from tests.unit.test_engine_v2_unrest_strategic import _of, _types

MOB = ("mob_violence", "Riots", "Mob violence")
PEACEFUL = ("protest", "Protests", "Peaceful protest")
EXCESSIVE = ("excessive_force_against_protesters", "Protests", "Excessive force against protesters")
INTERVENTION = ("protest_with_intervention", "Protests", "Protest with intervention")

# each sentence: the event's type and ACLED codes, and a type the rule replaced that must be gone
TYPED = [
    # unarmed partisans fighting each other: rioters, not a battle
    (
        "On Monday, supporters of two rival parties clashed in Mardan, leaving nine injured.",
        MOB,
        "armed_clash",
    ),
    (
        "On Monday, eleven people were hurt in Sukkur when a clash broke out between PPP and PTI "
        "activists.",
        MOB,
        "armed_clash",
    ),
    (
        "On Monday, political opponents clashed in Tamale after the count, injuring four.",
        MOB,
        "armed_clash",
    ),
    # a crowd against the state's forces only
    ("On Monday, police clashed with residents of Kibera in Nairobi.", MOB, "armed_clash"),
    ("On Monday, six activists were injured in a clash with police in Sylhet.", MOB, "armed_clash"),
    ("On Monday, soldiers clashed with stone-throwing youths in Conakry.", MOB, "armed_clash"),
    # violence named as what a demonstration protests
    (
        "On Monday, traders staged a protest in Kisumu against the county for demolishing their "
        "stalls.",
        PEACEFUL,
        "riot",
    ),
    (
        "On Monday, villagers demonstrated in Kandi for the return of stolen cattle.",
        PEACEFUL,
        "riot",
    ),
    (
        "On Monday, women marched in Kandi. They demanded a new school after the old one was "
        "destroyed.",
        PEACEFUL,
        "riot",
    ),
    # the state's forces harming demonstrators
    (
        "On Monday, security forces shot and killed a demonstrator in Gimbi.",
        EXCESSIVE,
        "attack_on_civilians",
    ),
    ("On Monday, soldiers shot dead two protesters in Nekemte.", EXCESSIVE, "attack_on_civilians"),
    (
        "On Monday, hundreds of farmers protested in Kisumu against land seizures. At least two "
        "protesters were shot by soldiers.",
        EXCESSIVE,
        "protest",
    ),
    ("On Monday, police shot at demonstrators who blocked a road in Kisumu.", EXCESSIVE, "protest"),
    # shots at no one, quelling: an intervention
    (
        "On Monday, police shot in the air to disperse demonstrators who blocked a road in Kisumu.",
        INTERVENTION,
        "excessive_force_against_protesters",
    ),
    (
        "On Monday, students protested in Kisumu and soldiers were sent to quell them.",
        INTERVENTION,
        "protest",
    ),
]


@pytest.mark.parametrize(("text", "codes", "replaced"), TYPED)
def test_type_and_sub_type(text: str, codes: tuple[str, str, str], replaced: str) -> None:
    event_type, acled_type, sub_type = codes
    event = _of(text, event_type)
    assert event.codes.acled_event_type == acled_type
    assert event.codes.acled_sub_event_type == sub_type
    assert event.when.date == "2025-03-03"
    assert event.locations
    assert replaced not in _types(text)


# near misses: sentences each rule must leave alone, with the type they keep
LEFT_ALONE = [
    # an armed side keeps the battle; a group of members is no crowd of partisans
    ("On Monday, police clashed with militants in Quetta, killing two.", "armed_clash"),
    ("On Monday, soldiers clashed with Al Shabaab fighters near Baidoa.", "armed_clash"),
    (
        "On Monday, members of the militia clashed with soldiers near Bria, killing three.",
        "armed_clash",
    ),
    # the crowd's own destruction after its demonstration stays a violent demonstration
    ("On Monday, students protested in Kandi and burned the office of the mayor.", "riot"),
    ("On Monday, traders protested in Kisumu and looted shops near the market.", "riot"),
    # an armed group's gunmen, or victims who are no demonstrators: an attack
    ("On Monday, unknown gunmen shot and killed a demonstrator in Gimbi.", "attack_on_civilians"),
    ("On Monday, soldiers shot dead two farmers in Nekemte.", "attack_on_civilians"),
]


@pytest.mark.parametrize(("text", "kept"), LEFT_ALONE)
def test_near_misses_keep_their_type(text: str, kept: str) -> None:
    types = _types(text)
    assert kept in types
    assert not types & {"mob_violence", "protest", "excessive_force_against_protesters"}
