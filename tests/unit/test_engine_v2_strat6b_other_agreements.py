"""Engine v2 on strategic developments of the ACLED codebook that gave no event: taxes or
tribute levied by an armed group and a blockade laid by one (Strategic developments /
Other), and an agreement whose two sides one phrase names under a plural head ('the X and Y
militias signed a peace deal'). Sentences written for these tests; each checks type,
sub-type and actors, and a near miss the rule must leave alone."""

from __future__ import annotations

import pytest

from streams.schemas import Event
from tests.unit.test_engine_v2_unrest_strategic import _of, _types


def _names(event: Event, role: str) -> list[str]:
    return [a.name for a in event.actors if a.role == role]


def test_an_armed_group_levying_zakat_is_a_strategic_other() -> None:
    event = _of(
        "On Monday, Al Shabaab collected zakat from farmers in Jilib town.", "strategic_other"
    )
    assert event.codes.acled_event_type == "Strategic developments"
    assert event.codes.acled_sub_event_type == "Other"
    assert _names(event, "initiator") == ["al-Shabaab"]
    assert [p.name for p in event.locations] == ["Jilib"]


def test_militants_imposing_heavy_taxation_is_a_strategic_other() -> None:
    event = _of(
        "On Monday, Al Shabaab militants imposed heavy taxation on herders in Jilib town.",
        "strategic_other",
    )
    assert event.when.date == "2025-03-03"


def test_a_blockade_laid_by_militants_is_a_strategic_other() -> None:
    event = _of(
        "On Monday, the jihadists began a blockade of Djibo, cutting off food and fuel.",
        "strategic_other",
    )
    assert event.codes.acled_sub_event_type == "Other"
    assert [p.name for p in event.locations] == ["Djibo"]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, the government imposed a new tax on fuel in Nairobi.",  # a state's tax
        "On Monday, the city council began collecting property taxes in Jilib.",  # no armed doer
        "Analysts say a blockade of Djibo would cut off food and fuel.",  # no act told done
    ],
)
def test_taxes_and_blockades_need_an_armed_doer_and_a_done_act(text: str) -> None:
    assert "strategic_other" not in _types(text)


def test_one_phrase_naming_two_militias_makes_an_agreement_between_both() -> None:
    event = _of(
        "On Monday, the Mai-Mai and Raia Mutomboki militias signed a peace agreement in Shabunda.",
        "agreement",
    )
    assert event.codes.acled_sub_event_type == "Agreement"
    assert _names(event, "participant") == ["Mai-Mai", "Raia Mutomboki"]


def test_two_clans_named_in_one_phrase_are_the_two_parties() -> None:
    event = _of(
        "On Monday, the Hawiye and Darod clans signed a peace agreement in Galkayo.", "agreement"
    )
    assert _names(event, "participant") == ["Hawiye", "Darod"]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, the Mai-Mai militias signed a peace agreement in Shabunda.",  # one side
        "On Monday, the Apple and Samsung groups signed an agreement in Seoul.",  # no conflict
    ],
)
def test_one_side_or_firms_make_no_agreement(text: str) -> None:
    assert "agreement" not in _types(text)


def test_an_agreement_claimed_reached_is_the_claimants_with_the_other_side() -> None:
    # the subject of 'claimed' is the subject of the agreement reached under it
    event = _of(
        "On Monday, Al Shabaab claimed to have reached an agreement with a local clan militia "
        "in Jilib.",
        "agreement",
    )
    assert _names(event, "participant") == ["al-Shabaab", "local clan militia"]
    assert [p.name for p in event.locations] == ["Jilib"]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, Al Shabaab hoped to reach an agreement with a clan militia in Jowhar.",
        "On Monday, Al Shabaab tried to reach an agreement with a clan militia in Jowhar.",
    ],
)
def test_an_agreement_only_sought_is_none(text: str) -> None:
    assert "agreement" not in _types(text)
