"""A region named with a unit word is the admin1 area, never its capital; a word inside a date is
never a place. The sentences are written for these tests and appear in no gold set."""

from __future__ import annotations

import pytest

from streams.extraction import extract, lexicons
from streams.extraction.annotate import annotate, month_words, region_patterns
from streams.schemas import Article


def _places(text: str) -> list[tuple[str, str, str | None, str]]:
    doc = annotate(Article(id="t", text=text, published_at="2024-09-06T09:00:00Z"))
    ordered = sorted(doc.places, key=lambda m: m.start)
    return [(m.text, m.place.precision, m.place.admin1_code, m.place.country3) for m in ordered]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Drones hit a grain silo in Kharkiv region before dawn, injuring a guard.", "UA-63"),
        ("A shell struck a school yard in Donetsk oblast, wounding two pupils.", "UA-14"),
        ("Fires broke out at a depot in the Bryansk region after a drone attack.", "RU-BRY"),
        ("Mortar fire damaged a power line in Sumy Oblast late on Friday.", "UA-59"),
        ("Saboteurs cut a rail line in the region of Kharkiv, police said.", "UA-63"),
        ("Air raids hit two markets in the province of Idlib, rescuers said.", "SY-ID"),
    ],
)
def test_region_with_unit_word_is_the_area_not_its_capital(text: str, code: str) -> None:
    places = _places(text)
    assert [(precision, admin1) for _, precision, admin1, _ in places] == [("admin1", code)]


@pytest.mark.parametrize(
    "text",
    [
        "Shelling damaged homes across the Kharkiv and Sumy regions on Monday night.",
        "Shelling damaged homes across the regions of Kharkiv and Sumy on Monday night.",
    ],
)
def test_coordinated_regions_are_each_an_area(text: str) -> None:
    assert {(p, a) for _, p, a, _ in _places(text)} == {("admin1", "UA-63"), ("admin1", "UA-59")}


def test_coordinated_regions_after_a_possessive_country() -> None:
    places = _places("Glide bombs hit Russia's Kursk and Belgorod regions on Monday night.")
    assert [(p, a) for _, p, a, _ in places if p == "admin1"] == [
        ("admin1", "RU-KRS"),
        ("admin1", "RU-BEL"),
    ]
    assert all(p != "city" for _, p, _, _ in places)


def test_the_city_itself_is_still_a_city() -> None:
    places = _places("Rockets fell on the city of Kharkiv and on a village in Sumy region.")
    assert [(p, a) for _, p, a, _ in places] == [("city", "UA-63"), ("admin1", "UA-59")]


def test_town_in_the_region_of_is_the_event_place() -> None:
    text = "A drone hit a shop in Kupiansk in the region of Kharkiv overnight, killing two people."
    places = _places(text)
    assert [(p, a) for _, p, a, _ in places] == [("city", "UA-63"), ("admin1", "UA-63")]
    events = extract(Article(id="t", text=text, published_at="2024-09-06T09:00:00Z"))
    assert [(loc.precision, loc.name) for e in events for loc in e.locations] == [
        ("city", "Kupyansk")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "On August 28, insurgents looted a clinic near Damboa, residents said.",
        "Curfews have held from March 10 in the old quarter of Damboa, residents said.",
        "Insurgents looted a clinic near Damboa on May 5, residents said.",
        "In June, insurgents looted a clinic near Damboa, residents said.",
        "From March to May, insurgents looted clinics near Damboa, residents said.",
        "Between June and August, insurgents looted clinics near Damboa, residents said.",
        "Insurgents have looted clinics near Damboa since August, residents said.",
    ],
)
def test_a_word_inside_a_date_is_never_a_place(text: str) -> None:
    assert [name for name, *_ in _places(text)] == ["Damboa"]


def test_region_patterns_come_from_the_data_file() -> None:
    units = lexicons.region_words().units
    assert {"region", "oblast", "province"} <= {u.word for u in units}
    patterns = region_patterns()
    for unit in units:
        assert patterns.after.search(f"in Kharkiv {unit.word} on Monday")
        assert patterns.after_many.search(f"in the Kharkiv and Sumy {unit.plural} on Monday")
        found = patterns.before.search(f"in the {unit.word} of Kharkiv on Monday")
        assert bool(found) is unit.before_name


def test_month_time_words_come_from_the_data_file() -> None:
    words = lexicons.time_words()
    assert "since" in words.month_lead and "to" in words.month_link
    for lead in words.month_lead:
        start = len(f"near Damboa {lead} ")
        assert month_words(f"near Damboa {lead} August") == [(start, start + len("August"))]
    assert month_words("from March to May") == [(5, 10), (14, 17)]
    assert month_words("Theresa May said") == []  # a month name alone is left to the scan
