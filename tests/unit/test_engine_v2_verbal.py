"""Engine v2, verbal families (statements, diplomacy, sanctions): sentences written for this
test, in no gold set and not in the ACLED cache."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.schemas import Article, Event

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _events(text: str) -> list[Event]:
    article = Article(
        id="verbal-test",
        text=text,
        published_at=datetime(2026, 3, 4, 10, tzinfo=UTC),
        source="test",
    )
    return extract(article, engine="spacy")


def _of(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.event_type == event_type]


def test_a_delay_in_talks_is_no_meeting_held() -> None:
    events = _events(
        "The postponement of negotiations between Armenia and Azerbaijan worried European "
        "mediators on Monday."
    )
    held = [e for e in _of(events, "diplomatic_meeting") if e.status == "occurred"]
    assert held == []


def test_talks_held_are_still_a_meeting() -> None:
    events = _events("Armenia and Azerbaijan held talks in Brussels on Monday.")
    assert [e.status for e in _of(events, "diplomatic_meeting")] == ["occurred"]


def test_an_urged_truce_is_an_appeal_not_a_proposal() -> None:
    events = _events(
        "The Norwegian foreign ministry urged Sudan to accept an immediate truce with the "
        "Rapid Support Forces on Monday."
    )
    assert _of(events, "ceasefire_proposal") == []
    assert _of(events, "appeal")


def test_a_state_official_imposes_sanctions_for_the_state() -> None:
    events = _events(
        "President Emmanuel Macron imposed sanctions on the Wagner Group on Monday over its "
        "operations in Mali."
    )
    imposed = _of(events, "sanctions_imposed")
    assert imposed
    initiators = [a for a in imposed[0].actors if a.role == "initiator"]
    assert [(a.kind, a.country) for a in initiators] == [("state", "FRA")]


def test_a_named_proposal_to_stop_fighting_is_its_authors_proposal() -> None:
    events = _events(
        "Kenya's foreign minister welcomed Erdogan's plan for Ethiopia and Eritrea to freeze "
        "their troops along the border on Monday."
    )
    proposals = _of(events, "ceasefire_proposal")
    assert proposals
    initiators = {a.name for a in proposals[0].actors if a.role == "initiator"}
    assert any("Erdo" in name for name in initiators)


def test_a_deal_talked_about_is_no_proposal() -> None:
    events = _events(
        "Analysts in Doha stressed the difficulty of reaching a truce between Israel and Hamas "
        "before the holidays."
    )
    assert _of(events, "ceasefire_proposal") == []


def test_a_condemned_attack_has_the_storys_perpetrator_as_target() -> None:
    events = _events(
        "Russian drones struck a hospital in Sumy on Sunday night, killing four people. "
        "Ukraine's foreign minister Andrii Sybiha condemned the strike on Monday."
    )
    condemned = _of(events, "condemnation")
    assert condemned
    assert [a.country for a in condemned[0].actors if a.role == "target"] == ["RUS"]
