"""Engine v2 on verbal acts whose target the sentence does not name (issue 12, realnews tune
half, round 6): a state body addressed with no state named is the story's state; a happening
named a wrong with no perpetrator told is a condemnation with no target. Sentences written
for this test, in no gold set and not in the ACLED cache."""

from __future__ import annotations

import pytest

from tests.unit.test_engine_v2_verbal import _events, _of

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

_ARREST = "Police in Cambodia detained the blogger Sok Vanna in Phnom Penh on Monday. "


def _actors(text: str, event_type: str) -> list[tuple[str, str]]:
    found = _of(_events(text), event_type)
    assert len(found) == 1, found
    return [(a.role, a.name) for a in found[0].actors]


def test_an_organisation_urging_the_authorities_addresses_the_storys_state() -> None:
    text = _ARREST + "Amnesty International urged the authorities to free him at once."
    assert _actors(text, "appeal") == [
        ("initiator", "Amnesty International"),
        ("target", "Cambodia"),
    ]


def test_a_states_own_official_urging_the_authorities_addresses_no_one() -> None:
    text = _ARREST + "The Cambodian interior minister urged the authorities to free him."
    assert [a.role for e in _of(_events(text), "appeal") for a in e.actors] == ["initiator"]


def test_a_named_addressee_stays_the_target() -> None:
    text = _ARREST + "Amnesty International urged Thailand to shelter his family."
    assert _actors(text, "appeal") == [
        ("initiator", "Amnesty International"),
        ("target", "Thailand"),
    ]


def test_a_happening_called_a_wrong_is_a_condemnation_without_a_target() -> None:
    text = "Health Minister Marta Kowalczyk called the shooting 'an act of senseless barbarity'."
    assert _actors(text, "condemnation") == [("initiator", "Marta Kowalczyk")]


def test_a_happening_called_no_wrong_is_no_condemnation() -> None:
    text = "Health Minister Marta Kowalczyk called the shooting 'a very sad day for the town'."
    assert _of(_events(text), "condemnation") == []


def test_a_claim_of_a_happening_with_no_one_charged_is_no_condemnation() -> None:
    text = "Health Minister Marta Kowalczyk claimed the shooting was over within minutes."
    assert _of(_events(text), "condemnation") == []


def test_counting_on_a_named_side_to_act_is_an_appeal_to_it() -> None:
    text = (
        '"We count on Serbia to release the detained monitors," '
        "the Croatian foreign minister said on Monday."
    )
    assert _actors(text, "appeal") == [("initiator", "Croatia"), ("target", "Serbia")]


def test_relying_on_a_side_for_a_good_is_no_appeal() -> None:
    text = (
        "The Croatian foreign minister said on Monday that Croatia relies on Serbia "
        "for electricity."
    )
    assert _of(_events(text), "appeal") == []
