"""Engine v2 on acts it used to leave with no event (round 8, ACLED notes): a blast told as
having happened with its means untold ('an explosion occurred', 'a bomb went off'), people
gathering somewhere to make a demand, a hunger strike mounted, a military site taken.
Sentences written for these tests, in no gold set and not in the ACLED cache; each checks the
type, ACLED codes, actors, place and date, and the near misses make no event."""

from __future__ import annotations

import pytest

from tests.unit.test_engine_v2_no_event_notes import MONDAY, _codes, _events, _one, _places
from tests.unit.test_engine_v2_noev7a_r7 import _actors

IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
PROTEST = ("Protests", "Peaceful protest")


@pytest.mark.parametrize(
    ("text", "place", "day"),
    [
        (
            "On 1 March 2025, an explosion occurred near the district court in Myitkyina.",
            "Myitkyina",
            "2025-03-01",
        ),
        ("There was an explosion at a ward office in Sagaing on Monday.", "Sagaing", MONDAY),
        ("A bomb went off outside a mosque in Quetta on Monday.", "Quetta", MONDAY),
        ("Two crude bombs were blasted near a school in Sylhet on Monday.", "Sylhet", MONDAY),
        ("An improvised explosive device went off in Mandera on Monday.", "Mandera", MONDAY),
        ("A blast targeted the house of a local official in Bannu on Monday.", "Bannu", MONDAY),
    ],
)
def test_a_blast_told_as_having_happened_is_a_remote_explosive(
    text: str, place: str, day: str
) -> None:
    event = _one(text)
    assert event.event_type == "remote_explosive"
    assert _codes(event) == IED
    assert _places(event) == [place]
    assert event.when.date == day
    assert _actors(event, "initiator") == set()


@pytest.mark.parametrize(
    "text",
    [
        "A gas cylinder explosion occurred at a restaurant in Lagos on Monday.",
        "There was an explosion at the chemical plant in Houston on Monday.",
        "There was an explosion of interest in electric cars in Munich last year.",
        "A smoke device went off in the kitchen of a hotel in Leeds on Monday.",
        "Officials fear a bomb could go off in the crowded market of Peshawar.",
        "A meteor fell into the sea off Portland, causing an explosion. The explosion occurred"
        " at 2 pm local time in Portland.",
    ],
)
def test_accidents_figures_of_speech_and_fears_are_no_blast(text: str) -> None:
    assert _events(text) == []


def test_people_gathering_somewhere_to_demand_something_is_a_protest() -> None:
    event = _one(
        "Residents gathered on the main road in Kisumu to denounce the killing of a trader."
    )
    assert event.event_type == "protest"
    assert _codes(event) == PROTEST
    assert _places(event) == ["Kisumu"]


def test_a_crowd_gathering_with_no_demand_is_no_protest() -> None:
    assert _events("Fans gathered at the stadium in Leeds to watch the final on Monday.") == []
    assert (
        _events("Fans gathered at the stadium in Leeds to show their support for the team.") == []
    )


def test_a_hunger_strike_mounted_is_a_protest() -> None:
    event = _one("Teachers mounted a hunger strike in Mandalay on Monday.")
    assert event.event_type == "protest"
    assert _codes(event) == PROTEST
    assert _places(event) == ["Mandalay"]
    assert event.when.date == MONDAY


@pytest.mark.parametrize("site", ["airport", "oilfield", "garrison"])
def test_an_armed_group_taking_a_military_site_takes_territory(site: str) -> None:
    event = _one(
        f"Al Shabaab fighters took full control of the {site}, which lies north of Kismayo."
    )
    assert event.event_type == "territory_seized"
    assert _codes(event) == ("Battles", "Non-state actor overtakes territory")
    assert _places(event) == ["Kismayo"]
    assert _actors(event, "initiator") == {"al-Shabaab"}


def test_a_firm_taking_control_of_a_site_takes_no_territory() -> None:
    assert (
        _events("A Chinese company took full control of the airport, which lies north of Kismayo.")
        == []
    )
