"""Verbal acts, round 8: criticism told only inside a quote, its speaker named after the
quote, and a person speaking for the organisation or armed group the phrase names (codebook
rule 2). Sentences written for this test, in no gold set and not in the ACLED cache."""

from __future__ import annotations

import pytest

from tests.unit.test_engine_v2_verbal import _events, _of
from tests.unit.test_verbal_r7 import _sides, _typed

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


# --------------------------------------------------------------- a wrong judged in a quote


def test_a_quoted_judgment_naming_a_side_is_a_condemnation() -> None:
    events = _typed(
        '"Moscow\'s latest statements are pure propaganda," the Estonian foreign ministry '
        "said on Tuesday.",
        "condemnation",
    )
    assert len(events) == 1
    assert _sides(events[0], "initiator") == [("Estonia", "EST")]
    assert _sides(events[0], "target") == [("Russia", "RUS")]
    assert events[0].when.date == "2026-03-03"


def test_the_speaker_named_after_the_quote_speaks_for_their_organisation() -> None:
    events = _typed(
        '"The shelling of the camp by the Sudanese army was an atrocity," said Maria Lindqvist, '
        "the Africa director at Amnesty International.",
        "condemnation",
    )
    assert len(events) == 1
    assert _sides(events[0], "initiator") == [("Amnesty International", None)]
    assert _sides(events[0], "target") == [("Sudan", "SDN")]


def test_the_side_the_wrong_names_is_the_target_not_every_name_in_the_quote() -> None:
    events = _typed(
        '"Donors and the United Nations must answer this provocation by the Taliban," said '
        "Lena Ortiz, the Asia director at Human Rights Watch.",
        "condemnation",
    )
    assert [_sides(e, "target") for e in events] == [[("Taliban", "AFG")]]
    assert _sides(events[0], "initiator") == [("Human Rights Watch", None)]


def test_with_no_side_in_the_quote_the_target_is_the_storys_perpetrator() -> None:
    events = _events(
        "Boko Haram fighters killed nine farmers near Monguno on Saturday. "
        '"This is a cowardly crime against our people," the Nigerian information minister '
        "said on Sunday."
    )
    condemned = _of(events, "condemnation")
    assert len(condemned) == 1
    assert _sides(condemned[0], "initiator") == [("Nigeria", "NGA")]
    assert _sides(condemned[0], "target") == [("Boko Haram", "NGA")]
    assert condemned[0].when.date == "2026-03-01"
    assert all(e.event_type != "condemnation" or e.category != "conflict" for e in events)


def test_a_negated_judgment_is_no_condemnation() -> None:
    assert not _typed(
        '"Helping Ukraine is not a provocation against Russia," the Finnish defence minister '
        "said on Tuesday.",
        "condemnation",
    )


def test_a_quoted_judgment_with_no_side_named_is_no_event() -> None:
    assert not _typed(
        '"The flooding in the valley was appalling," said the Kenyan interior minister.',
        "condemnation",
    )


def test_a_country_named_as_a_place_in_the_quote_is_no_target() -> None:
    assert not _typed(
        '"The shooting is a crime and a blow to reporters in Somalia," said Maria Lindqvist, '
        "the Africa director at Amnesty International.",
        "condemnation",
    )


def test_a_private_person_quoted_speaks_for_no_one() -> None:
    assert not _typed(
        '"What the Sudanese army did is a crime," said the widow of a farmer from Kosti.',
        "condemnation",
    )


# --------------------------------------------------------------- a spokesperson's body


def test_a_groups_spokesman_speaks_for_the_group() -> None:
    events = _typed(
        "Taliban spokesman Zabihullah Mujahid on Monday accused Pakistan of violating Afghan "
        "airspace.",
        "condemnation",
    )
    assert len(events) == 1
    assert _sides(events[0], "initiator") == [("Taliban", "AFG")]
    assert _sides(events[0], "target") == [("Pakistan", "PAK")]


def test_a_states_minister_keeps_their_own_name() -> None:
    events = _typed(
        "Kenyan Foreign Minister Musalia Mudavadi on Monday urged Ethiopia to free the "
        "detained traders.",
        "appeal",
    )
    assert len(events) == 1
    assert _sides(events[0], "initiator") == [("Musalia Mudavadi", "KEN")]
    assert _sides(events[0], "target") == [("Ethiopia", "ETH")]


# --------------------------------------------------------------- a warning made now


def test_a_warning_in_the_present_progressive_is_made_now() -> None:
    events = _typed(
        "Serbia's defence minister spoke to reporters on Monday. Belgrade is warning Kosovo "
        "of a firm response if its police enter the northern towns.",
        "statement",
    )
    assert [(_sides(e, "initiator"), _sides(e, "target")) for e in events] == [
        ([("Serbia", "SRB")], [("Kosovo", "XKX")])
    ]


def test_a_past_progressive_warning_is_background() -> None:
    assert not _typed(
        "Serbia's defence minister spoke to reporters on Monday. Belgrade was warning Kosovo "
        "of a firm response at the time.",
        "statement",
    )


# --------------------------------------------------------------- a proposal told again

_PROPOSAL_STORY = (
    "On Monday, the United States proposed a 30-day truce between Sudan and the RSF. "
    "On Tuesday, Kenyan Foreign Minister Musalia Mudavadi said all African states agree with "
    "the U.S. proposal of a truce. The Sudanese army was slow to endorse the US proposal. "
    '"A truce is the first step to peace," said the RSF leader.'
)


def test_a_proposal_answered_again_and_again_is_one_proposal_by_its_proposer() -> None:
    events = _typed(_PROPOSAL_STORY, "ceasefire_proposal")
    assert len(events) == 1
    assert _sides(events[0], "initiator") == [("United States", "USA")]
    assert _sides(events[0], "target") == [("Sudan", "SDN"), ("Rapid Support Forces", "SDN")]
    assert events[0].when.date == "2026-03-02"


def test_a_proposal_answered_names_its_proposer_not_who_answers() -> None:
    events = _typed(
        "On Tuesday, Kenyan Foreign Minister Musalia Mudavadi said all African states agree "
        "with the Ethiopian proposal of a truce in Sudan.",
        "ceasefire_proposal",
    )
    assert [_sides(e, "initiator") for e in events] == [[("Ethiopia", "ETH")]]


def test_such_a_ceasefire_is_talk_about_one() -> None:
    assert not _typed(
        "Kenya and Uganda said on Monday they would impose sanctions on Sudan in case such a "
        "ceasefire is not agreed.",
        "ceasefire_proposal",
    )
