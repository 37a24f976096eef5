"""The seed story must come out right (hand-written expectations from the article text)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from streams.extraction import extract, run_extraction
from streams.schemas import Article, Event

SEED = Path(__file__).resolve().parents[2] / "seeds" / "01-russia-overnight-assault-ukraine.txt"


def _load_seed() -> Article:
    head, body = SEED.read_text(encoding="utf-8").split("\n\n", 1)
    meta = dict(line.split(": ", 1) for line in head.splitlines())
    return Article(
        id=meta["Id"],
        text=body,
        title=meta["Title"],
        source=meta["Source"],
        published_at=meta["Date"],
    )


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return extract(_load_seed(), extracted_at=datetime(2025, 10, 22, 10, tzinfo=UTC))


def _one(events: list[Event], event_type: str, initiator: str | None = None) -> Event:
    found = [
        e
        for e in events
        if e.event_type == event_type
        and (
            initiator is None
            or any(a.role == "initiator" and a.name == initiator for a in e.actors)
        )
    ]
    assert len(found) == 1, [e.summary for e in events]
    return found[0]


def test_extraction_seed_main_air_strike(events: list[Event]) -> None:
    strike = _one(events, "air_strike", "Russia")
    assert strike.status == "occurred"
    assert [a.name for a in strike.actors if a.role == "target"] == ["Ukraine"]
    weapons = {w.kind: w.count for w in strike.quantities.weapons}
    assert weapons == {"drone": 405, "missile": 28}
    names = {loc.name for loc in strike.locations}
    assert {"Kyiv", "Kharkiv"} <= names
    assert any(loc.admin1 and loc.admin1.code == "UA-23" for loc in strike.locations)
    killed, injured = strike.quantities.killed, strike.quantities.injured
    assert killed is not None and (killed.value, killed.qualifier, killed.children) == (
        6,
        "at_least",
        2,
    )
    assert injured is not None and (injured.value, injured.qualifier) == (18, "exact")
    assert strike.when.date == "2025-10-22"
    assert strike.codes.acled_sub_event_type == "Air/drone strike"
    assert strike.summary is not None and strike.summary.startswith("Russia air_strike on")


def test_extraction_seed_storm_shadow_strike(events: list[Event]) -> None:
    strike = _one(events, "missile_attack", "Ukraine")
    assert [a.country for a in strike.actors if a.role == "target"] == ["RUS"]
    assert [(loc.country, loc.admin1.code if loc.admin1 else None) for loc in strike.locations] == [
        ("RUS", "RU-BRY")
    ]
    assert [(w.kind, w.name) for w in strike.quantities.weapons] == [("missile", "Storm Shadow")]


def test_extraction_seed_sanctions(events: list[Event]) -> None:
    sanctions = _one(events, "sanctions_imposed")
    roles = {(a.role, a.name) for a in sanctions.actors}
    assert roles == {("initiator", "United States"), ("target", "Lukoil"), ("target", "Rosneft")}
    assert sanctions.category == "sanctions" and sanctions.status == "occurred"


def test_extraction_seed_appeal(events: list[Event]) -> None:
    appeal = _one(events, "appeal")
    assert [a.name for a in appeal.actors if a.role == "initiator"] == ["Volodymyr Zelenskyy"]
    targets = {a.name for a in appeal.actors if a.role == "target"}
    assert targets == {"European Union", "United States", "G7"}


def test_extraction_seed_meeting_is_cancelled(events: list[Event]) -> None:
    meeting = _one(events, "diplomatic_meeting")
    assert meeting.status == "cancelled"
    assert {a.name for a in meeting.actors} == {"Donald Trump", "Vladimir Putin"}


def test_extraction_seed_humanitarian_impact(events: list[Event]) -> None:
    impact = _one(events, "humanitarian_impact")
    assert "outage" in impact.evidence.sentence


def test_extraction_seed_no_spurious_types(events: list[Event]) -> None:
    allowed = {
        "air_strike",
        "missile_attack",
        "humanitarian_impact",
        "sanctions_imposed",
        "appeal",
        "diplomatic_meeting",
    }
    assert {e.event_type for e in events} <= allowed
    assert len(events) == 6


def test_extraction_seed_evidence_offsets_point_into_text(events: list[Event]) -> None:
    text = _load_seed().text
    for event in events:
        assert text[event.evidence.start : event.evidence.end] == event.evidence.sentence
        assert 0.0 <= event.confidence <= 1.0


def test_extraction_seed_ids_stable_across_redelivery() -> None:
    article = _load_seed()
    first = run_extraction(article, extracted_at=datetime(2025, 10, 22, tzinfo=UTC)).events
    second = run_extraction(article, extracted_at=datetime(2026, 1, 1, tzinfo=UTC)).events
    assert [e.event_id for e in first] == [e.event_id for e in second]
    assert len({e.event_id for e in first}) == len(first)
