"""Engine v2 on real-text constructions (issue 12, realnews tune half): arrests told as
happenings, ... Sentences written for this test, in no gold set and not in the ACLED cache."""

from __future__ import annotations

import pytest

from streams.schemas import Event
from tests.unit.test_engine_v2_verbal import _events, _of

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_an_arrest_told_by_a_verb_is_an_event() -> None:
    events = _events("Police arrested five men in Kisumu on Monday.")
    assert [e.when.date for e in _of(events, "arrest")] == ["2026-03-02"]


def test_a_generic_arrest_in_a_relative_clause_on_a_pronoun_is_no_event() -> None:
    events = _events("In Kisumu, everybody knows somebody who has been arrested by the police.")
    assert _of(events, "arrest") == []


def test_an_arrest_in_an_infinitive_is_no_event() -> None:
    events = _events("A notice asks police in Kano to find and arrest a man.")
    assert _of(events, "arrest") == []


def test_arrests_named_by_a_bare_noun_are_no_event() -> None:
    events = _events("Kenyan police say the arbitrary arrests in Kisumu are unacceptable.")
    assert _of(events, "arrest") == []


def test_an_arrest_in_a_clause_with_a_modal_keeps_its_status() -> None:
    events = _events("Police in Kisumu will arrest the organisers on Friday, officials said.")
    assert [e.status for e in _of(events, "arrest")] == ["planned"]


def test_suicide_bombers_who_hold_hostages_tell_of_no_suicide_bombing() -> None:
    events = _events(
        "Gunmen stormed a bus in Kalat on Monday, killing three soldiers. Police said two "
        "suicide bombers were holding passengers hostage near Kalat."
    )
    assert events
    assert _of(events, "suicide_bomb") == []


def test_a_suicide_bomber_who_blows_himself_up_is_a_suicide_bombing() -> None:
    events = _events(
        "A suicide bomber blew himself up at a checkpoint in Kalat on Monday, killing three "
        "soldiers."
    )
    assert [
        e.quantities.killed.value for e in _of(events, "suicide_bomb") if e.quantities.killed
    ] == [3]


def test_a_suicide_bomber_among_the_dead_is_a_suicide_bombing() -> None:
    events = _events("Four people, including a suicide bomber, died outside a mosque in Kalat.")
    assert len(_of(events, "suicide_bomb")) == 1


def _pairs(events: list[Event], event_type: str) -> set[tuple[str, str]]:
    """(initiator, target) names of the type's events."""
    out = set()
    for event in _of(events, event_type):
        who = [a.name for a in event.actors if a.role == "initiator"]
        whom = [a.name for a in event.actors if a.role == "target"]
        out |= {(w, t) for w in who[:1] for t in whom}
    return out


def test_coordinated_speakers_each_make_their_own_condemnation() -> None:
    """One event per speaker, type and target (codebook rule 2)."""
    events = _of(
        _events(
            "Germany, Japan and the African Union strongly denounced Sudan for bombing the camp."
        ),
        "condemnation",
    )
    speakers = [[a.name for a in e.actors if a.role == "initiator"] for e in events]
    assert sorted(speakers) == [["African Union"], ["Germany"], ["Japan"]]
    assert all([a.name for a in e.actors if a.role == "target"] == ["Sudan"] for e in events)


def test_an_apposition_to_the_speaker_is_the_same_speaker() -> None:
    events = _of(
        _events("Martin Griffiths, the UN relief chief, condemned the RSF for the attack."),
        "condemnation",
    )
    assert [a.name for e in events for a in e.actors if a.role == "initiator"] == [
        "Martin Griffiths"
    ]


def test_officials_named_by_a_demonym_speak_for_their_state() -> None:
    events = _events(
        "Kenyan officials blamed Somalia for the raid, accusing it of sheltering militants."
    )
    assert _pairs(events, "condemnation") == {("Kenya", "Somalia")}


def test_a_ministry_of_a_state_accusing_another_is_a_condemnation() -> None:
    events = _events("The foreign ministry of Chad accused Sudan of shelling Adre.")
    assert _pairs(events, "condemnation") == {("Chad", "Sudan")}


def test_lashing_out_at_a_named_leader_is_a_condemnation() -> None:
    events = _events(
        "President Ruto lashed out at Somalia on Twitter, accusing it of sheltering militants."
    )
    assert [a.role for e in _of(events, "condemnation") for a in e.actors] == [
        "initiator",
        "target",
    ]


def test_an_attack_condemned_in_the_passive_by_members_of_a_body() -> None:
    events = _events(
        "Sudanese jets bombed a camp near Adre on Monday. The attack was condemned by members "
        "of the African Union."
    )
    assert _pairs(events, "condemnation") == {("African Union", "Sudan")}


def test_a_standing_accusation_in_the_perfect_is_no_new_condemnation() -> None:
    events = _events("The United States and Britain have accused Sudan of arming the militia.")
    assert _of(events, "condemnation") == []


def test_a_sentence_attributing_the_attack_told_before_is_the_same_happening() -> None:
    events = _events(
        "A bomb exploded near a church in Beni on Sunday, killing four people. Police "
        "attribute the bombing to ADF rebels."
    )
    conflict = [e for e in events if e.category == "conflict"]
    assert len(conflict) == 1
    assert [a.name for a in conflict[0].actors if a.role == "initiator"] == [
        "Allied Democratic Forces"
    ]


def test_a_new_attack_with_its_own_toll_is_not_folded_into_the_one_before() -> None:
    events = _events(
        "A bomb exploded near a church in Beni on Sunday, killing four people. On Monday, "
        "rebels ambushed an army convoy near Butembo, killing six soldiers."
    )
    assert len([e for e in events if e.category == "conflict"]) == 2


def test_arrests_counted_since_a_day_are_a_running_total() -> None:
    events = _events("Police in Kisumu have arrested at least 900 people since January 5.")
    assert _of(events, "arrest") == []


def test_a_person_named_with_an_office_speaks_though_no_dictionary_knows_him() -> None:
    events = _events(
        "Mexican Foreign Minister Ramiro Salas accused Guatemala of closing the border crossing."
    )
    found = _of(events, "condemnation")
    assert [a.name for e in found for a in e.actors if a.role == "initiator"] == ["Ramiro Salas"]


def test_a_person_named_with_no_office_is_no_speaker() -> None:
    events = _events("Ramiro Salas accused Guatemala of closing the border crossing.")
    assert _of(events, "condemnation") == []


def test_a_surname_alone_names_the_official_named_in_full_before() -> None:
    events = _events(
        "The UN special rapporteur Carlos Mendes visited Kabul last month. On Tuesday, Mendes "
        "accused the Taliban of barring him from the country."
    )
    found = _of(events, "condemnation")
    assert [a.name for e in found for a in e.actors if a.role == "initiator"] == ["Carlos Mendes"]


def test_calling_for_a_named_side_to_act_is_an_appeal_to_it() -> None:
    events = _events(
        "The UN special rapporteur Carlos Mendes visited Kabul last month. On Tuesday, Mendes "
        "called for the Taliban to reopen the girls' schools in Herat."
    )
    assert _pairs(events, "appeal") == {("Carlos Mendes", "Taliban")}


def test_a_pronoun_speaker_is_the_subject_of_the_sentence_before() -> None:
    events = _events(
        "Foreign ministers of the G7 urged Russia on Friday to accept a truce. They called on "
        "Iran to stop arming Russia."
    )
    assert ("G7", "Iran") in _pairs(events, "appeal")


def _participants(events: list[Event]) -> list[set[str]]:
    meetings = _of(events, "diplomatic_meeting")
    return [{a.name for a in e.actors if a.role == "participant"} for e in meetings]


def test_two_leaders_who_spoke_on_the_phone_held_a_meeting() -> None:
    events = _events(
        "On Monday, French President Emmanuel Macron and Chinese President Xi Jinping spoke "
        "on the phone."
    )
    assert _participants(events) == [{"Emmanuel Macron", "Xi Jinping"}]


def test_a_phone_call_to_come_is_no_meeting_held() -> None:
    events = _events("Macron will hold a phone call with Putin on Monday.")
    assert [e.status for e in _of(events, "diplomatic_meeting")] != ["occurred"]


def test_a_summary_opening_in_the_headline_present_tells_a_happening() -> None:
    events = _events("Gunmen abduct a Dutch engineer and two Kenyan drivers near Garissa.")
    assert len(_of(events, "abduction")) == 1


def test_a_habit_in_the_present_is_no_happening() -> None:
    events = _events("Near Garissa, bandits abduct a few herders every month, residents say.")
    assert _of(events, "abduction") == []


def test_an_arrest_in_the_headline_present_is_an_event() -> None:
    events = _events("Kenyan police arrest 40 al Shabaab suspects near Garissa.")
    assert len(_of(events, "arrest")) == 1


def test_an_arrest_told_by_a_later_verb_of_the_sentence_stands() -> None:
    events = _events(
        "Arrests: at least 300 students arrested during rallies in Kisumu on Monday were moved "
        "to a police camp."
    )
    assert len(_of(events, "arrest")) == 1
