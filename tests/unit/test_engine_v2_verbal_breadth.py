"""Engine v2 on verbal acts worded by meaning rather than by the tune texts' words (issue 12,
realnews: the CAMEO verb classes of criticising, appealing and denying; appeals and charges
named by a noun that a speaker voices; an unnamed state body as addressee; an act announced
in reported speech). Sentences written for this test, in no gold set and not in the ACLED
cache. The articles are published on Wednesday 2026-03-04."""

from __future__ import annotations

import pytest

from streams.schemas import Event
from tests.unit.test_engine_v2_verbal import _events, _of

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _one(text: str, event_type: str) -> Event:
    found = _of(_events(text), event_type)
    assert len(found) == 1, found
    return found[0]


def _sides(event: Event) -> list[tuple[str, str, str | None]]:
    return [(a.role, a.name, a.country) for a in event.actors]


def _day(event: Event) -> str | None:
    return str(event.when.date) if event.when and event.when.date else None


@pytest.mark.parametrize("verb", ["faulted", "berated", "assailed", "excoriated", "rebuked"])
def test_verbs_of_criticising_are_condemnations(verb: str) -> None:
    event = _one(
        f"Uganda's foreign ministry on Tuesday {verb} Kenya over the border closure.",
        "condemnation",
    )
    assert _sides(event) == [("initiator", "Uganda", "UGA"), ("target", "Kenya", "KEN")]
    assert _day(event) == "2026-03-03"


@pytest.mark.parametrize("verb", ["repudiated", "disputed", "rebutted"])
def test_verbs_of_denying_a_named_claimants_charge_are_statements(verb: str) -> None:
    event = _one(
        f"The Rwandan government on Monday {verb} the allegations made by Uganda.", "statement"
    )
    assert _sides(event) == [("initiator", "Rwanda", "RWA"), ("target", "Uganda", "UGA")]
    assert _day(event) == "2026-03-02"


@pytest.mark.parametrize("verb", ["encouraged", "asked", "requested"])
def test_asking_a_named_side_to_act_is_an_appeal(verb: str) -> None:
    event = _one(
        f"The Kenyan foreign ministry on Tuesday {verb} Somalia to reopen the border.", "appeal"
    )
    assert _sides(event) == [("initiator", "Kenya", "KEN"), ("target", "Somalia", "SOM")]
    assert _day(event) == "2026-03-03"


def test_asking_a_side_about_something_is_no_appeal() -> None:
    assert (
        _of(
            _events("The Kenyan foreign ministry on Tuesday asked Somalia about the border."),
            "appeal",
        )
        == []
    )


def test_appealing_to_a_named_side_is_an_appeal() -> None:
    event = _one(
        "The Chadian foreign ministry appealed to Sudan on Monday to stop the shelling.", "appeal"
    )
    assert _sides(event) == [("initiator", "Chad", "TCD"), ("target", "Sudan", "SDN")]
    assert _day(event) == "2026-03-02"


@pytest.mark.parametrize(
    "wording",
    [
        "issued an appeal to Somalia to withdraw its troops",
        "renewed its call on Somalia to withdraw its troops",
        "repeated its demand for Somalia to withdraw its troops",
    ],
)
def test_an_appeal_named_by_a_voiced_noun_is_an_appeal(wording: str) -> None:
    event = _one(f"The Kenyan foreign ministry on Monday {wording}.", "appeal")
    assert _sides(event) == [("initiator", "Kenya", "KEN"), ("target", "Somalia", "SOM")]
    assert _day(event) == "2026-03-02"


@pytest.mark.parametrize(
    "wording", ["may send a plea to Somalia", "received a plea from Somalia", "sent a plea"]
)
def test_a_plea_not_voiced_by_the_speaker_or_to_no_one_is_no_appeal(wording: str) -> None:
    text = f"The Kenyan foreign ministry {wording} to withdraw the troops."
    assert _of(_events(text), "appeal") == []


def test_a_plea_voiced_to_a_named_side_is_an_appeal() -> None:
    event = _one("The Kenyan foreign ministry sent a plea to Somalia on Monday.", "appeal")
    assert _sides(event) == [("initiator", "Kenya", "KEN"), ("target", "Somalia", "SOM")]
    assert _day(event) == "2026-03-02"


def test_an_organisation_calling_on_the_authorities_addresses_the_storys_state() -> None:
    text = (
        "A court in Phnom Penh jailed a reporter for two years on Monday. "
        "Human Rights Watch condemned the verdict on Tuesday and renewed its call to the "
        "authorities to free him."
    )
    event = _one(text, "appeal")
    assert _sides(event) == [
        ("initiator", "Human Rights Watch", None),
        ("target", "Cambodia", "KHM"),
    ]
    assert _day(event) == "2026-03-03"


def test_a_states_own_official_addressing_the_authorities_addresses_no_state() -> None:
    text = (
        "A court in Phnom Penh jailed a reporter on Monday. Cambodian Prime Minister Hun Manet "
        "on Tuesday urged the authorities to review the case."
    )
    targets = [a for e in _of(_events(text), "appeal") for a in e.actors if a.role == "target"]
    assert targets == []


@pytest.mark.parametrize(
    ("when", "after", "day"),
    [
        # the day it was said
        (" on Tuesday", "", "2026-03-03"),
        # a day only in a clause of another's act: the publication day (codebook rule 5)
        ("", ", a charge the Afghan government rejected on Monday", "2026-03-04"),
    ],
)
def test_a_charge_repeated_names_the_side_it_accuses(when: str, after: str, day: str) -> None:
    text = (
        f"Pakistan's foreign ministry{when} repeated the claim that the ambush had been "
        f"planned by militants sheltering in Afghanistan{after}."
    )
    event = _one(text, "condemnation")
    assert _sides(event) == [("initiator", "Pakistan", "PAK"), ("target", "Afghanistan", "AFG")]
    assert _day(event) == day


def test_a_claim_denied_is_no_charge_of_the_denier() -> None:
    text = (
        "Pakistan's foreign ministry on Tuesday rejected the claim that the ambush had been "
        "planned in Afghanistan."
    )
    assert _of(_events(text), "condemnation") == []


def test_an_appeal_announced_in_reported_speech_is_an_appeal() -> None:
    text = (
        "Brazil's foreign minister said on Tuesday that the Brazilian government would press "
        "Venezuela to release the detained diplomats."
    )
    event = _one(text, "appeal")
    assert _sides(event) == [("initiator", "Brazil", "BRA"), ("target", "Venezuela", "VEN")]
    assert _day(event) == "2026-03-03"


@pytest.mark.parametrize(
    "clause",
    [
        "the Brazilian government would not press Venezuela to release the diplomats",
        "the Brazilian government would press Venezuela to act if the talks failed",
    ],
)
def test_an_appeal_negated_or_on_a_condition_is_none(clause: str) -> None:
    text = f"Brazil's foreign minister said on Tuesday that {clause}."
    assert _of(_events(text), "appeal") == []


def test_naming_a_side_as_a_wrong_is_a_condemnation() -> None:
    text = (
        "Turkish President Recep Tayyip Erdogan on Monday named the PKK and the YPG as terrorists."
    )
    event = _one(text, "condemnation")
    assert _sides(event) == [
        ("initiator", "Recep Tayyip Erdogan", "TUR"),
        ("target", "PKK", "TUR"),
        ("target", "YPG", "SYR"),
    ]
    assert _day(event) == "2026-03-02"


def test_naming_someone_to_an_office_is_no_condemnation() -> None:
    text = "Turkish President Recep Tayyip Erdogan on Monday named Hakan Fidan as foreign minister."
    assert _of(_events(text), "condemnation") == []


def test_a_quoted_appeal_in_the_first_person_is_the_quoted_speakers_appeal() -> None:
    text = '"I urge the Taliban to reopen the schools," the UN envoy said on Monday.'
    event = _one(text, "appeal")
    assert _sides(event) == [("initiator", "United Nations", None), ("target", "Taliban", "AFG")]
    assert _day(event) == "2026-03-02"


def test_a_quoted_appeal_in_the_third_person_is_not_the_quoting_speakers() -> None:
    text = '"They urge the Taliban to reopen the schools," the UN envoy said on Monday.'
    assert _of(_events(text), "appeal") == []
