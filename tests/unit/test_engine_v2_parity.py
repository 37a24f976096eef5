"""Engine v2 where the legacy rules were right and v2 was not (issue 12's parity): sentences
written for these tests (in no gold set and not in the ACLED cache), asserting the type and
sub-type, and where the rule reads them, the toll."""

from __future__ import annotations

import pytest

from tests.unit.test_engine_v2_no_event_notes import _events, _one


@pytest.mark.parametrize(
    ("text", "tolled"),
    [
        ("Traders protested in Kisumu on Monday over the death of a hawker in a market fire.", 0),
        ("Villagers marched in Kisumu on Monday to protest the killing of a fisherman.", 0),
        (
            "On Monday, residents demonstrated in Kisumu, demanding justice for a boy who was "
            "shot by a neighbour.",
            0,
        ),
        # a death mourned at the funeral the crowd protests at harmed no demonstrator (the
        # legacy protest rule still reads its toll: not asserted here)
        (
            "Mourners protested against the county government in Kisumu on Monday during the "
            "funeral of a teacher killed in a road crash.",
            None,
        ),
        # a response the crowd demands is not made
        (
            "On Monday, about 30 nurses protested in Kisumu over unpaid wages and demanded that "
            "the governor intervene.",
            0,
        ),
    ],
)
def test_peaceful_when_harm_or_response_is_the_crowds_cause(text: str, tolled: int | None) -> None:
    event = _one(text)
    assert event.event_type == "protest"
    assert event.codes.acled_sub_event_type == "Peaceful protest"
    if tolled == 0:
        assert event.quantities.killed is None


@pytest.mark.parametrize(
    "text",
    [
        "Police shot dead two protesters who were demonstrating in Kisumu on Monday against "
        "a new fuel tax.",
        "Protesters marched in Kisumu on Monday against a fuel tax, and police shot and "
        "wounded three of them.",
    ],
)
def test_protesters_shot_while_demonstrating_are_still_harmed(text: str) -> None:
    types = {e.event_type for e in _events(text)}
    assert "excessive_force_against_protesters" in types


def test_a_rocket_propelled_grenade_is_a_missile_not_a_hand_grenade() -> None:
    text = "On Sunday, rebels fired two rocket-propelled grenades at an army post near Kasese."
    event = _one(text)
    assert event.event_type == "missile_attack"
    assert event.codes.acled_sub_event_type == "Shelling/artillery/missile attack"
    assert event.when.date == "2025-03-02"


def test_a_thrown_grenade_stays_a_grenade() -> None:
    event = _one("On Sunday, a man threw a grenade at a bar in Kasese, wounding four people.")
    assert event.event_type == "grenade_attack"
    assert event.codes.acled_sub_event_type == "Grenade"


def test_police_who_intervene_still_make_an_intervention() -> None:
    text = (
        "On Monday, about 30 nurses protested in Kisumu over unpaid wages. Police intervened "
        "and dispersed them with tear gas."
    )
    assert _one(text).event_type == "protest_with_intervention"
