"""Engine v2 on verbal acts of real-text constructions (issue 12, realnews tune half, fourth
part): warnings and threats to a named side, blame, pressure to act, a capital city that
speaks for its state, and a denial of the claimant's act said to be something. Sentences
written for this test, in no gold set and not in the ACLED cache."""

from __future__ import annotations

import pytest

from tests.unit.test_engine_v2_verbal import _events, _of
from tests.unit.test_engine_v2_verbal_acts import _actors

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_a_warning_to_a_named_side_is_a_statement_with_that_target() -> None:
    text = "The Ethiopian foreign ministry warned Sudan on Tuesday against arming the rebels."
    found = _of(_events(text), "statement")
    assert len(found) == 1, found
    assert [(a.role, a.name) for a in found[0].actors] == [
        ("initiator", "Ethiopia"),
        ("target", "Sudan"),
    ]
    assert found[0].status == "occurred"


def test_a_threat_to_a_named_side_is_a_statement_with_that_target() -> None:
    text = "The North Korean defence minister threatened Japan with retaliation."
    assert _actors(text, "statement") == [("initiator", "North Korea"), ("target", "Japan")]


def test_a_warning_with_no_named_addressee_is_no_event() -> None:
    # (the legacy statement rules read a statement there; it has no target)
    said = _events("The Kenyan central bank warned that food prices would climb.")
    assert [a.role for e in said for a in e.actors] in ([], ["initiator"])
    assert _events("Fishermen in Lamu were warned to stay ashore.") == []


def test_blaming_a_named_side_is_a_condemnation() -> None:
    text = "The Somali interior minister blamed Eritrea for the unrest in Gedo."
    assert _actors(text, "condemnation") == [("initiator", "Somalia"), ("target", "Eritrea")]


def test_pressing_a_named_side_to_act_is_an_appeal() -> None:
    text = "The Norwegian foreign minister pressed Myanmar to free the detained monks."
    assert _actors(text, "appeal") == [("initiator", "Norway"), ("target", "Myanmar")]


def test_a_capital_city_as_claimant_is_its_state() -> None:
    text = "The Chadian government dismissed the allegation from Khartoum as unfounded."
    assert _actors(text, "statement") == [("initiator", "Chad"), ("target", "Sudan")]


def test_a_capital_city_inside_a_condemned_phrase_is_no_target() -> None:
    text = "The Chadian government dismissed the report on Khartoum markets as unfounded."
    assert _of(_events(text), "statement") == []


def test_denying_the_claimants_act_as_something_is_a_condemnation() -> None:
    text = "The Eritrean information minister dismissed Ethiopia's offer as a ploy to buy time."
    assert _actors(text, "condemnation") == [("initiator", "Eritrea"), ("target", "Ethiopia")]


def test_denying_a_claim_as_unfounded_stays_a_plain_denial() -> None:
    text = "The Eritrean information minister dismissed Ethiopia's accusation as unfounded."
    assert _actors(text, "statement") == [("initiator", "Eritrea"), ("target", "Ethiopia")]
    assert _of(_events(text), "condemnation") == []


def test_rejecting_the_claimants_act_without_saying_what_it_is_is_no_event() -> None:
    text = "The Eritrean information minister rejected Ethiopia's offer of talks."
    assert _of(_events(text), "condemnation") == []
    assert _of(_events(text), "statement") == []


def test_a_warning_told_as_a_participle_of_a_past_verb_is_a_statement() -> None:
    text = "The Turkish defence minister spoke to reporters, warning Greece against arming islands."
    assert _actors(text, "statement") == [("initiator", "Turkey"), ("target", "Greece")]


def test_a_warning_participle_of_a_present_verb_is_no_event() -> None:
    text = "The Turkish defence minister keeps speaking, warning Greece against arming islands."
    assert _of(_events(text), "statement") == []
