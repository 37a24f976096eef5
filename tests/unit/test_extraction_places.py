"""Admin1 names from ISO 3166-2 and towns qualified by their region."""

from __future__ import annotations

import pytest

from streams.extraction import extract
from streams.extraction.gazetteer import gazetteer, name_variants
from streams.schemas import Article


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Nord-Kivu", {"North Kivu", "Nord Kivu"}),
        ("Syunik'", {"Syunik"}),
        ("Basra Governorate", {"Basra"}),
        ("Southern Darfur", {"South Darfur"}),
    ],
)
def test_gazetteer_name_variants_english_forms(name: str, expected: set[str]) -> None:
    assert expected <= name_variants(name)


@pytest.mark.parametrize(
    ("surface", "code"),
    [
        ("North Kivu", "CD-NK"),
        ("South Darfur", "SD-DS"),
        ("Sagaing", "MM-01"),
        ("Deir ez-Zor", "SY-DY"),
        ("Khyber Pakhtunkhwa", "PK-KP"),
    ],
)
def test_gazetteer_admin1_index_has_iso_names(surface: str, code: str) -> None:
    codes = {p.admin1_code for p in gazetteer().admin1.get(surface, [])}
    assert code in codes


def _locations(text: str) -> list[tuple[str, str | None, str]]:
    article = Article(id="t", text=text, published_at="2024-06-06T09:00:00Z")
    return [
        (loc.name, loc.admin1.code if loc.admin1 else None, loc.precision)
        for event in extract(article)
        for loc in event.locations
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian forces struck Pavlohrad, Dnipropetrovsk region, killing two people.",
            ("Pavlohrad", "UA-12", "city"),
        ),
        (
            "Fighters attacked a village near Al-Manaqil in Sudan's Gezira state on Wednesday, "
            "killing 20 people.",
            ("Al Manāqil", "SD-GZ", "city"),
        ),
        (
            "Russian shelling hit Zmiivka, Kherson oblast, killing one man.",
            ("Kherson Oblast", "UA-65", "admin1"),
        ),
        (
            "A drone strike hit a market in Deir ez-Zor province, killing 4 people.",
            ("Deir ez-Zor", "SY-DY", "admin1"),
        ),
    ],
)
def test_extraction_places_town_and_region(text: str, expected: tuple[str, str, str]) -> None:
    assert _locations(text) == [expected]


@pytest.mark.parametrize(
    ("region", "code"),
    [("Zaporizhzhia", "UA-23"), ("Kherson", "UA-65")],
)
def test_extraction_places_region_picks_homonym(region: str, code: str) -> None:
    text = f"Russian drones hit Novomykolaivka in {region} region overnight, killing two people."
    assert _locations(text) == [("Novomykolaivka", code, "city")]
