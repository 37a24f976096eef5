"""data/units_below_regions.json: counties, zones and districts ISO 3166-2 does not list tell
the first-level region of a place written with them (subdivisions.region_of_unit). Sentences
written for these tests (in no gold set)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from streams.extraction import extract, lexicons
from streams.extraction.subdivisions import region_of_unit
from streams.schemas import Article


def _listed() -> dict[str, list[str]]:
    raw = json.loads((lexicons.DATA_DIR / "units_below_regions.json").read_text(encoding="utf-8"))
    units: dict[str, list[str]] = raw["units"]
    return units


def test_every_listed_unit_tells_its_region() -> None:
    for code, names in _listed().items():
        for name in names:
            assert code in {r.admin1_code for r in region_of_unit(name, set())}, (code, name)


def test_a_county_a_zone_and_a_district_tell_their_regions() -> None:
    assert [r.name for r in region_of_unit("Maban", set())] == ["Upper Nile"]
    assert [r.admin1_code for r in region_of_unit("West Arsi", set())] == ["ET-OR"]
    assert [r.admin1_code for r in region_of_unit("Mahottari", {"NPL"})] == ["NP-P2"]


def test_a_zone_name_two_regions_share_tells_neither_alone() -> None:
    assert {r.admin1_code for r in region_of_unit("North Shewa", set())} == {"ET-OR", "ET-AM"}


def _placed(text: str) -> list[tuple[str | None, str | None]]:
    article = Article(text=text, published_at="2024-05-03T08:00:00Z")
    events = extract(article, extracted_at=datetime(2024, 5, 3, tzinfo=UTC), engine="spacy")
    return [
        (loc.country, loc.admin1.name if loc.admin1 else None)
        for e in events
        if e.codes.acled_event_type
        for loc in e.locations
    ]


def test_a_protest_in_a_county_gets_the_countys_state() -> None:
    assert _placed("On 2 May 2024, refugees protested against food cuts in Renk County.") == [
        ("SSD", "Upper Nile")
    ]


def test_a_killing_in_a_district_gets_the_districts_province() -> None:
    placed = _placed("On 2 May 2024, unknown gunmen shot dead a trader in Saptari district.")
    assert placed == [("NPL", "Madhesh Province")]
