"""Verbal acts, round 7: one event per speaker, accusations told as claims or attributions,
a demanded release addressed to the state that holds the people (codebook rule 2).
Sentences written for this test, in no gold set and not in the ACLED cache."""

from __future__ import annotations

import pytest

from streams.extraction.annotated import Sentence
from streams.extraction.components.families.verbal_events import one_per_speaker
from streams.extraction.extractors.common import Proto
from streams.schemas import Actor, Event
from tests.unit.test_engine_v2_verbal import _events, _of
from tests.unit.test_engine_v2_verbal_acts import _titled as _titled_events

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _typed(text: str, event_type: str) -> list[Event]:
    return _of(_events(text), event_type)


def _sides(event: Event, role: str) -> list[tuple[str, str | None]]:
    return [(a.name, a.country) for a in event.actors if a.role == role]


# --------------------------------------------------------------- one event per speaker


def test_two_states_urging_one_side_make_two_appeals() -> None:
    events = _typed(
        "On Tuesday, Norway and Chile urged Myanmar to free the detained reporters.", "appeal"
    )
    assert sorted(_sides(e, "initiator") for e in events) == [
        [("Chile", "CHL")],
        [("Norway", "NOR")],
    ]
    assert all(_sides(e, "target") == [("Myanmar", "MMR")] for e in events)
    assert {e.when.date for e in events} == {"2026-03-03"}


def test_a_minister_and_their_own_government_are_one_speaker() -> None:
    sentence = _sentence("x")
    proto = Proto("condemnation", sentence, (0, 1), "t", "0")
    proto.actors = [
        Actor(role="initiator", name="Penny Wong", kind="person", country="AUS"),
        Actor(role="initiator", name="Australia", kind="state", country="AUS"),
        Actor(role="initiator", name="Fiji", kind="state", country="FJI"),
        Actor(role="target", name="Iran", kind="state", country="IRN"),
    ]
    split = one_per_speaker([proto])
    assert [[a.name for a in p.actors] for p in split] == [
        ["Penny Wong", "Iran"],
        ["Fiji", "Iran"],
    ]


def _sentence(text: str) -> Sentence:
    return Sentence(text=text, start=0, end=len(text), index=0)


# --------------------------------------------------------------- claims and attributions


def test_an_official_claim_that_another_side_attacked_is_an_accusation() -> None:
    events = _typed(
        "The Georgian interior ministry claimed on Sunday that Russian troops had shelled "
        "two villages near Gori.",
        "condemnation",
    )
    assert len(events) == 1
    assert _sides(events[0], "initiator") == [("Georgia", "GEO")]
    assert _sides(events[0], "target") == [("Russia", "RUS")]
    assert events[0].when.date == "2026-03-01"


def test_an_official_attributing_a_bombing_to_a_group_accuses_it() -> None:
    events = _typed(
        "Nigerian officials on Monday attributed the market bombing in Maiduguri to Boko Haram.",
        "condemnation",
    )
    assert len(events) == 1
    assert _sides(events[0], "initiator") == [("Nigeria", "NGA")]
    assert [name for name, _ in _sides(events[0], "target")] == ["Boko Haram"]
    assert events[0].when.date == "2026-03-02"


def test_a_claim_that_names_no_act_done_is_no_accusation() -> None:
    events = _events(
        "President Alvaro Uribe of Colombia claimed on Monday that Gustavo Petro won the vote "
        "through fraud."
    )
    assert not _of(events, "condemnation")


def test_a_group_claiming_its_own_attack_is_no_accusation() -> None:
    events = _events("Boko Haram claimed responsibility on Monday for the market bombing.")
    assert not _of(events, "condemnation")


def test_a_claim_in_the_present_tense_counts_only_when_it_opens_the_text() -> None:
    opening = "The government of Georgia claims that Russian forces shelled two villages near Gori."
    events = _typed(opening, "condemnation")
    assert [(_sides(e, "initiator"), _sides(e, "target")) for e in events] == [
        ([("Georgia", "GEO")], [("Russia", "RUS")])
    ]
    later = (
        "Shelling hit two villages near Gori on Sunday, killing a farmer and wounding three. "
        "Every week the government of Georgia claims that Russian forces shell its villages."
    )
    assert not _typed(later, "condemnation")


# --------------------------------------------------------------- a release demanded


def test_an_armed_group_demanding_a_release_addresses_the_state_of_the_story() -> None:
    events = _typed(
        "Gunmen of the Ogaden National Liberation Front ambushed a convoy in Ethiopia on "
        "Sunday. On Monday the Ogaden National Liberation Front demanded the release of "
        "its jailed members.",
        "appeal",
    )
    assert len(events) == 1
    assert [name.removeprefix("the ") for name, _ in _sides(events[0], "initiator")] == [
        "Ogaden National Liberation Front"
    ]
    assert _sides(events[0], "target") == [("Ethiopia", "ETH")]
    assert events[0].when.date == "2026-03-02"


def test_a_state_demanding_a_release_of_a_report_asks_no_one() -> None:
    events = _events("Kenyan President William Ruto demanded the release of the audit report.")
    assert not _of(events, "appeal")


# --------------------------------------------------------------- private speakers


@pytest.mark.parametrize(
    "text",
    [
        "On Friday, Omar Haddad, brother of the detained Jordanian blogger, called for Jordan "
        "to release him.",
        "Maria Lopez, the widow of the slain Peruvian mayor, urged the government of Peru on "
        "Monday to reopen the investigation.",
    ],
)
def test_a_speaker_described_as_a_private_person_makes_no_appeal(text: str) -> None:
    assert not _typed(text, "appeal")


def test_a_relative_named_in_a_clause_on_an_official_leaves_the_official_speaking() -> None:
    events = _typed(
        "The Kenyan foreign minister, whose son studies in Ethiopia, condemned Ethiopia on "
        "Monday for the border raid.",
        "condemnation",
    )
    assert [(_sides(e, "initiator"), _sides(e, "target")) for e in events] == [
        ([("Kenya", "KEN")], [("Ethiopia", "ETH")])
    ]
    assert events[0].when.date == "2026-03-02"


# --------------------------------------------------------------- a headline statement


def _titled(title: str, text: str) -> list[Event]:
    return _of(_titled_events(title, text), "statement")


_LEAD = (
    "Wednesday, March 4, 2026\n\nOn Monday, in a short televised address, Chilean President "
    "Gabriel Boric said the last of the detained fishermen had been freed by Peru."
)


def test_a_person_the_headline_names_as_saying_makes_a_statement() -> None:
    events = _titled("Chilean President Boric says detained fishermen freed", _LEAD)
    assert [[a.name for a in e.actors if a.role == "initiator"] for e in events] == [
        ["Gabriel Boric"]
    ]
    assert events[0].when.date == "2026-03-02"


def test_a_person_the_headline_does_not_name_makes_no_statement() -> None:
    assert not _titled("Fishermen freed after weeks in detention", _LEAD)
