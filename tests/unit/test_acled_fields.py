"""Field rules of issue 12's ACLED targets: admin1 of towns, admin1 identity in the ACLED
scorer, dates and tolls written the way coders' notes write them. Sentences written here."""

from __future__ import annotations

import pytest

from streams.extraction import extract
from streams.extraction.gazetteer import gazetteer
from streams.schemas import Article, Event


def _events(text: str, published: str = "2024-06-06T09:00:00Z") -> list[Event]:
    return extract(Article(id="t", text=text, published_at=published))


@pytest.mark.parametrize(
    ("town", "country", "code", "name"),
    [
        ("Surabaya", "ID", "ID-JI", "East Java"),
        ("Samarinda", "ID", "ID-KI", "East Kalimantan"),
        ("Makassar", "ID", "ID-SN", "South Sulawesi"),
        ("Jayapura", "ID", "ID-PA", "Papua"),
        ("Techiman", "GH", "GH-BE", "Bono East"),
        ("Damongo", "GH", "GH-SV", "Savannah"),
        ("Birendranagar", "NP", "NP-P6", "Karnali Province"),
    ],
)
def test_gazetteer_towns_carry_their_province(
    town: str, country: str, code: str, name: str
) -> None:
    places = [p for p in gazetteer().places.get(town, []) if p.country2 == country]
    biggest = max(places, key=lambda p: p.population)
    assert (biggest.admin1_code, biggest.admin1_name) == (code, name)


def test_extraction_town_event_reports_its_province() -> None:
    events = _events("Police fired tear gas at students protesting in Makassar on Tuesday.")
    places = [(p.name, p.admin1.code if p.admin1 else None) for e in events for p in e.locations]
    assert places == [("Makassar", "ID-SN")]
