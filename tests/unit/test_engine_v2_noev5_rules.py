"""Engine v2 on acts of ACLED notes it used to leave with no event (round 5): a clash with a
victim but no named sides, people of a tribe killed by a named armed group, a verb joined to
another sharing its doer, territory retaken 'over the town of X' (and a past read as a present
by the tagger). Sentences written for these tests, in no gold
set and not in the ACLED cache; each rule's near miss makes no event."""

from __future__ import annotations

from streams.schemas import Event
from tests.unit.test_engine_v2_no_event_notes import MONDAY, _actors, _codes, _events, _one, _places


def _killed(event: Event) -> int | None:
    return event.quantities.killed.value if event.quantities.killed else None


def test_one_victim_of_a_clash_with_no_sides_named_is_the_clash() -> None:
    event = _one("A farmer was killed in a clash over grazing land in Bauchi on Monday.")
    assert _codes(event) == ("Battles", "Armed clash")
    assert _places(event) == ["Bauchi"]
    assert _killed(event) == 1
    assert event.when.date == MONDAY


def test_victims_shot_in_a_clash_make_the_clash_with_its_toll() -> None:
    text = "Three people were shot dead during a clash between two clans in Baidoa on Monday."
    event = _one(text)
    assert _codes(event) == ("Battles", "Armed clash")
    assert _places(event) == ["Baidoa"]
    assert _killed(event) == 3


def test_a_clash_with_no_victim_and_no_sides_stays_no_event() -> None:
    assert _events("A clash over grazing land was reported in Bauchi on Monday.") == []


def test_tribesmen_killed_by_a_named_group_are_civilians() -> None:
    event = _one("Maoists killed three tribesmen in Gaya district on Monday.")
    assert _codes(event) == ("Violence against civilians", "Attack")
    assert _actors(event, "initiator") == ["Maoists"]
    assert _places(event) == ["Gaya"]
    assert _killed(event) == 3


def test_a_verb_joined_to_another_shares_its_armed_doer() -> None:
    event = _one("Two soldiers deserted their unit and surrendered to the rebels in Gao on Monday.")
    assert event.codes.acled_event_type == "Strategic developments"
    assert _places(event) == ["Gao"]
    assert event.when.date == MONDAY


def test_a_joined_verb_of_an_unarmed_doer_stays_no_event() -> None:
    assert _events("The suspect fled and surrendered to police in Gao on Monday.") == []


def test_forces_retaking_control_over_a_named_town() -> None:
    event = _one("Government forces retook control over the town of Gao on Monday.")
    assert _codes(event) == ("Battles", "Government regains territory")
    assert _places(event) == ["Gao"]
    assert event.when.date == MONDAY


def test_police_taking_control_of_a_stadium_is_no_territory() -> None:
    assert _events("Police took control of the stadium in Leeds on Monday.") == []
