"""Engine v2 on type confusions of events it finds (issue 12, round 8), by ACLED's definitions:
harm done by a crowd of unarmed people is mob violence, not violence against civilians (which
needs an organised armed actor); an armed group attacking a village and harming people there
attacks its people; a
rioting or destruction aimed at the state is a violent demonstration, aimed at others mob
violence;
doers named by the strike they enforce are demonstrators; a fight named only as what led to
another act is no event of its own. Sentences written for these tests (in no gold set and not in
the ACLED cache); each checks the type and sub-type, the date and place, and a near miss the
rule must leave alone."""

from __future__ import annotations

import pytest

from tests.unit.test_engine_v2_type_confusions_r7 import test_type_and_sub_type as check_typed
from tests.unit.test_engine_v2_unrest_strategic import _events, _of, _types

MOB = ("mob_violence", "Riots", "Mob violence")
RIOT = ("riot", "Riots", "Violent demonstration")
ATTACK = ("attack_on_civilians", "Violence against civilians", "Attack")

# each sentence: the event's type and ACLED codes, and a type the rule replaced that must be gone
TYPED = [
    # a crowd of unarmed people harming people: mob violence
    (
        "On Monday, villagers in Kandi beat a suspected thief to death.",
        MOB,
        "attack_on_civilians",
    ),
    (
        "On Monday, angry residents killed two men accused of stealing goats in Kisumu.",
        MOB,
        "attack_on_civilians",
    ),
    # an armed group attacking a village: violence against civilians, not a battle
    (
        "On Monday, suspected militants attacked the village of Tindila near Kaya and injured "
        "two women.",
        ATTACK,
        "armed_clash",
    ),
    (
        "On Monday, gunmen attacked a settlement near Bria and wounded a herder.",
        ATTACK,
        "armed_clash",
    ),
    # a crowd's act aimed at the state's forces or offices: a violent demonstration
    ("On Monday, rioters attacked a police post in Kisumu.", RIOT, "mob_violence"),
    ("On Monday, opposition activists torched the police post in Kisumu.", RIOT, "mob_violence"),
    ("On Monday, rioters attacked the governor's residence in Kisumu.", RIOT, "mob_violence"),
    # doers named by the strike they enforce: demonstrators
    ("On Monday, hartal supporters stoned a bus in Sylhet.", RIOT, "mob_violence"),
    ("On Monday, bandh enforcers torched two trucks in Birgunj.", RIOT, "attack_on_infrastructure"),
]


@pytest.mark.parametrize(("text", "codes", "replaced"), TYPED)
def test_type_and_sub_type(text: str, codes: tuple[str, str, str], replaced: str) -> None:
    # the round-7 check: the type and codes, the day, a place, and the replaced type gone
    check_typed(text, codes, replaced)


# near misses: sentences each rule must leave alone, with the type they keep and one they must
# not take
LEFT_ALONE = [
    # an organised armed actor, or members of a party of the dictionaries, harming people
    ("On Monday, gunmen killed two farmers in Kandi.", "attack_on_civilians", "mob_violence"),
    (
        "On Monday, BNP cadres beat a union leader to death in Sylhet.",
        "attack_on_civilians",
        "mob_violence",
    ),
    # an armed side in the village: the attack on it stays a battle
    (
        "On Monday, militants attacked an army base in the village of Tindila near Kaya.",
        "armed_clash",
        "attack_on_civilians",
    ),
    # a village attacked with no one harmed told: the rule needs its people harmed
    (
        "On Monday, suspected militants attacked the village of Tindila near Kaya.",
        "armed_clash",
        "attack_on_civilians",
    ),
    # farmers who kill a herder: ACLED's communal militia, not a mob
    ("On Monday, farmers killed two herders in Djougou.", "attack_on_civilians", "mob_violence"),
    # a crowd turning on civilians or their goods stays mob violence
    ("On Monday, opposition activists torched a shop in Kisumu.", "mob_violence", "riot"),
    ("On Monday, rioters attacked a bus in Kisumu.", "mob_violence", "riot"),
    ("On Monday, angry villagers stoned a bus in Sylhet.", "mob_violence", "riot"),
    # an election officer holds a civil post, not the state's forces
    (
        "On Monday, a mob of voters attacked a returning officer in Migori.",
        "mob_violence",
        "riot",
    ),
]


@pytest.mark.parametrize(("text", "kept", "absent"), LEFT_ALONE)
def test_near_misses_keep_their_type(text: str, kept: str, absent: str) -> None:
    types = _types(text)
    assert kept in types
    assert absent not in types


def test_fight_named_as_circumstance_is_no_event_of_its_own() -> None:
    """'... arrived in X following an attack by Y': the arrival is the news; the attack that
    led to it makes no battle, while a fight told as the act itself still does."""
    text = "On Monday, UN forces arrived in Kaga-Bandoro following an attack by rebels."
    assert "armed_clash" not in _types(text)
    fought = "On Monday, UN forces clashed with rebels in Kaga-Bandoro, killing three."
    clash = _of(fought, "armed_clash")
    assert clash.when.date == "2025-03-03"
    assert clash.quantities.killed is not None and clash.quantities.killed.value == 3
    assert all(e.event_type != "armed_clash" or e.locations for e in _events(fought))
