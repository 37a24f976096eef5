"""Engine v2 on real-text constructions (issue 12, realnews tune half), second part: who was
arrested, ... Sentences written for this test, in no gold set and not in the ACLED cache."""

from __future__ import annotations

import pytest

from tests.unit.test_engine_v2_verbal import _events, _of

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _targets(text: str, event_type: str) -> list[tuple[str, str | None]]:
    found = _of(_events(text), event_type)
    assert len(found) == 1, found
    return [(a.name, a.country) for a in found[0].actors if a.role == "target"]


def test_the_passive_subject_of_an_arrest_is_its_target_as_a_description() -> None:
    text = "Police in Kisumu, Kenya, arrested at least 40 people on Friday night."
    assert _targets(text, "arrest") == [("People", "KEN")]
    passive = "At least 40 people were arrested by Kenyan police in Kisumu on Friday night."
    assert _targets(passive, "arrest") == [("People", "KEN")]


def test_a_named_group_in_the_arrested_phrase_is_the_target() -> None:
    text = "Ugandan troops arrested six Al-Shabaab fighters in Kismayo on Monday."
    assert [name for name, _ in _targets(text, "arrest")] == ["al-Shabaab"]


def test_a_person_told_in_another_clause_is_not_who_was_arrested() -> None:
    text = (
        "A 30-year-old man was arrested by Kenyan police in Kisumu on Monday after the "
        "governor, Peter Anyang Nyong'o, was stabbed."
    )
    assert _targets(text, "arrest") == [("Man", "KEN")]


def test_dozens_of_protesters_names_who_was_arrested() -> None:
    text = "Nigerian police detained dozens of protesters in Lagos on Monday."
    assert [name for name, _ in _targets(text, "arrest")] == ["Protesters"]


def test_a_number_of_them_names_no_one_arrested() -> None:
    text = "Kenyan police detained more than 80 of them in Kisumu by Monday morning."
    assert _targets(text, "arrest") == []


def test_a_participle_that_describes_people_tells_no_arrest() -> None:
    events = _events(
        "The opposition in Minsk demanded on Monday the release of political prisoners "
        "arrested during the campaign."
    )
    assert _of(events, "arrest") == []


def _acts(text: str) -> list[tuple[str, list[str], list[str]]]:
    """(type, initiators, targets) of the verbal events of a text."""
    verbal = ("condemnation", "statement", "appeal")
    return [
        (
            e.event_type,
            [a.name for a in e.actors if a.role == "initiator"],
            [a.name for a in e.actors if a.role == "target"],
        )
        for e in _events(text)
        if e.event_type in verbal
    ]


def test_an_allegation_against_the_subject_of_its_clause_is_a_condemnation() -> None:
    text = "The Ugandan police chief alleged that Rwanda was arming the rebels."
    assert _acts(text) == [("condemnation", ["Uganda"], ["Rwanda"])]


def test_calling_a_named_side_a_wrong_is_a_condemnation_and_a_phone_call_is_not() -> None:
    assert _acts("Kenyan President William Ruto called Al-Shabaab a gang of murderers.") == [
        ("condemnation", ["William Ruto"], ["al-Shabaab"])
    ]
    assert (
        _acts("Kenyan President William Ruto called Al-Shabaab leaders to discuss a truce.") == []
    )


def test_calling_an_attack_a_wrong_condemns_its_perpetrator() -> None:
    acts = _acts(
        "Al-Shabaab militants stabbed a police officer in Nairobi on Sunday. Kenyan Interior "
        "Minister Kithure Kindiki called the stabbing an act of inexplicable barbarity."
    )
    assert acts == [("condemnation", ["Kithure Kindiki"], ["al-Shabaab"])]


def test_a_denial_of_a_named_claimants_claim_is_a_statement_with_that_target() -> None:
    assert _acts("Uganda rejected the allegations made by Rwanda on Monday.") == [
        ("statement", ["Uganda"], ["Rwanda"])
    ]
    assert _acts("Kenya dismissed Somalia's claims as baseless.") == [
        ("statement", ["Kenya"], ["Somalia"])
    ]


def test_a_denial_that_calls_the_claim_a_wrong_is_a_condemnation() -> None:
    assert _acts("Kenya dismissed Somalia's claims as propaganda.") == [
        ("condemnation", ["Kenya"], ["Somalia"])
    ]


def test_a_habitual_or_unclaimed_denial_is_no_event() -> None:
    assert _acts("Uganda routinely denies the allegations made by Rwanda.") == []
    assert _acts("Kenya's foreign minister rejected Somalia's request for talks.") == []


def test_several_recent_attacks_are_a_summary_not_an_event() -> None:
    events = _events("Kenya has blamed several recent attacks on militants based in Somalia.")
    assert events == []
    claimed = _events("Al-Shabaab has claimed several deadly attacks in Mandera since August.")
    assert claimed == []


def test_one_attack_or_a_counted_toll_of_attacks_is_still_an_event() -> None:
    assert [e.event_type for e in _events("Gunmen attacked a bus in Mandera on Monday.")] == [
        "armed_clash"
    ]
    tolled = _events("Several attacks killed 20 people in Mandera on Monday.")
    assert [e.quantities.killed.value for e in tolled if e.quantities.killed] == [20]


def test_a_killing_of_fighters_beside_rescued_civilians_is_a_clash() -> None:
    events = _events(
        "Security sources said Wednesday a Kenyan military operation rescued 80 passengers "
        "and killed 12 militants, a day after an attack on a bus in Mandera."
    )
    assert [
        (e.event_type, e.quantities.killed.value if e.quantities.killed else None) for e in events
    ] == [("armed_clash", 12)]


def test_a_bomb_or_explosive_device_that_kills_is_an_explosion() -> None:
    for text in (
        "An improvised explosive device at a market in Maiduguri kills 5 people.",
        "A bomb at a market in Maiduguri killed 5 people on Monday.",
    ):
        events = _events(text)
        assert [
            (e.event_type, e.quantities.killed.value if e.quantities.killed else None)
            for e in events
        ] == [("remote_explosive", 5)], text


def test_a_bomb_told_with_no_attack_is_no_explosion() -> None:
    assert _events("Iran is suspected of building a nuclear bomb.") == []


def test_a_claimed_killing_is_an_attack_by_the_claimant_on_civilians() -> None:
    for text in (
        "Al-Shabaab claimed responsibility for the killing of a Kenyan teacher in Mandera.",
        "ISIL claims responsibility for the killing of an Italian aid worker in Mombasa.",
    ):
        found = _of(_events(text), "attack_on_civilians")
        assert len(found) == 1, text
        actors = [(a.role, a.name, a.country) for a in found[0].actors]
        assert actors[0][0] == "initiator" and actors[0][1] in ("al-Shabaab", "Islamic State")
        assert actors[1][:2] == ("target", "civilians")
    italian = _of(
        _events("ISIL claims responsibility for the killing of an Italian man."),
        "attack_on_civilians",
    )
    assert [a.country for a in italian[0].actors if a.role == "target"] == ["ITA"]


def test_a_killing_told_as_a_topic_with_no_doer_is_no_event() -> None:
    assert _events("The killing of a Kenyan teacher in Mandera shocked the country.") == []
