"""Engine v2: common words that are also small towns somewhere ('College' in Alaska, 'Plaza',
'Front') are places only right after a location word and never at the head of a longer name
(place_checks.stands_alone; the words are data/place_stopwords.json). Sentences written for
these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.schemas import Article

PUB = "2024-05-03T08:00:00Z"


def _places(text: str) -> list[tuple[str, str | None, str | None]]:
    article = Article(text=text, published_at=PUB)
    events = extract(article, extracted_at=datetime(2024, 5, 3, tzinfo=UTC), engine="spacy")
    return [
        (p.name, p.country, p.admin1.name if p.admin1 else None)
        for e in events
        if e.codes.acled_event_type
        for p in e.locations
    ]


def test_a_common_word_in_a_list_of_buildings_is_no_town() -> None:
    places = _places(
        "Strikers torched a car in front of the Girls School and College in Mirpur on Tuesday."
    )
    assert ("College", "USA", "Alaska") not in places
    assert [country for _n, country, _a in places] == ["PAK"]


def test_a_common_word_heading_a_longer_name_is_no_town() -> None:
    assert _places("Hundreds of students marched at Freedom Plaza on Monday over fees.") == []
    assert _places("Students rallied at University Hall on Monday over fees.") == []


def test_a_common_word_after_a_location_word_is_still_a_town() -> None:
    assert _places("Protesters marched in Independence on Monday.") == [
        ("Independence", "USA", "Missouri")
    ]


def test_a_region_so_named_counts_after_any_location_word() -> None:
    assert _places("Rebels attacked army positions in Jonglei and Unity on Monday.") == [
        ("Jonglei", "SSD", "Jonglei"),
        ("Unity", "SSD", "Unity"),
    ]
