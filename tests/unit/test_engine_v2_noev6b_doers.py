"""Engine v2 on notes it used to leave with no event (round 6, noev6b): an armed word before a
doer's head, victims named by a civilian post or word the classes lacked, joined names before
one head as two sides of a clash, a communal word on a clash, a crowd's own destruction of
property, and explosives set off. Sentences written for these tests (in no gold set, not in
the ACLED cache); each rule's near misses make no event."""

from __future__ import annotations

from tests.unit.test_engine_v2_no_event_notes import MONDAY, _actors, _codes, _events, _one, _places


def test_an_armed_word_before_the_doer_makes_a_killing_an_attack() -> None:
    event = _one("An unidentified armed group shot dead a farmer near Tamale on Monday.")
    assert _codes(event) == ("Violence against civilians", "Attack")
    assert _places(event) == ["Tamale"]
    assert event.when.date == MONDAY
    assert event.quantities.killed is not None and event.quantities.killed.value == 1


def test_an_unarmed_doer_with_no_armed_word_stays_crime() -> None:
    assert _events("An unidentified man shot dead a farmer near Tamale on Monday.") == []


def test_an_armed_doer_setting_off_an_ied_is_a_remote_explosive() -> None:
    event = _one("An unknown armed group detonated an IED near Baidoa on Monday.")
    assert _codes(event) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert _places(event) == ["Baidoa"]
    assert event.when.date == MONDAY


def test_explosives_set_off_are_a_remote_explosive_and_fireworks_are_not() -> None:
    event = _one("Armed men set off explosives outside the market in Jolo on Monday.")
    assert _codes(event) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert _places(event) == ["Jolo"]
    assert _events("Residents set off fireworks in Jolo on Monday.") == []


def test_a_councilman_and_a_citizen_are_civilian_victims() -> None:
    event = _one("Suspected militants killed a village councilman in Djibo on Monday.")
    assert _codes(event) == ("Violence against civilians", "Attack")
    assert _places(event) == ["Djibo"]
    event = _one("Gendarmes beat a citizen in Banfora on Monday.")
    assert _codes(event) == ("Violence against civilians", "Attack")
    assert _places(event) == ["Banfora"]


def test_a_party_president_stabbed_by_an_assailant_is_a_civilian_victim() -> None:
    event = _one("The president of a youth league was stabbed by an assailant in Dhaka on Monday.")
    assert _codes(event) == ("Violence against civilians", "Attack")
    assert _places(event) == ["Dhaka"]
    assert event.when.date == MONDAY


def test_joined_names_before_one_head_are_the_two_sides_of_a_clash() -> None:
    event = _one(
        "Konkomba and Nawuri community members clashed in Bawku on Monday. One man was killed."
    )
    assert _codes(event) == ("Battles", "Armed clash")
    assert _places(event) == ["Bawku"]
    assert event.when.date == MONDAY
    assert event.quantities.killed is not None and event.quantities.killed.value == 1


def test_joined_names_with_no_harm_or_no_community_make_no_clash() -> None:
    assert _events("Konkomba and Nawuri community members clashed in Bawku on Monday.") == []
    assert _events("Labour and Conservative MPs clashed over the budget in Leeds on Monday.") == []
    assert _events("Community members clashed over the budget in Bawku on Monday.") == []


def test_a_communal_word_on_a_clash_names_both_sides() -> None:
    event = _one("Four people were killed in an ethnic clash in Wajir on Monday.")
    assert _codes(event) == ("Battles", "Armed clash")
    assert _places(event) == ["Wajir"]
    assert event.quantities.killed is not None and event.quantities.killed.value == 4


def test_an_angry_crowd_ransacking_offices_is_mob_violence() -> None:
    event = _one("Angry residents ransacked the district offices in Tamale on Monday.")
    assert _codes(event) == ("Riots", "Mob violence")
    assert _places(event) == ["Tamale"]
    assert event.when.date == MONDAY


def test_a_crowd_word_in_a_demonstration_leaves_the_burning_to_the_riot() -> None:
    found = _events(
        "Angry residents rioted in Tamale on Monday and ransacked the district offices."
    )
    assert [e.codes.acled_event_type for e in found] == ["Riots"]
    assert _actors(found[0], "initiator") != []
