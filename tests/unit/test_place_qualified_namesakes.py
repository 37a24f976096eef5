"""A place is read in the country or place the text writes beside it, not as a namesake
abroad: a region name several countries share is first the region of the countries that
write their regions with the unit word used ('Eastern Region': Ghana's or Uganda's, not
Fiji's Eastern Division), unless the text's country decides; a town followed by a region
('Pagak, Upper Nile') is no namesake outside that region but the town as written inside it;
a town followed by a town ('Karimabad, Karachi') is the one near it or none; a town written
again is the one placed before (region_names, place_resolution).
Sentences written for these tests (in no gold set)."""

from __future__ import annotations

from streams.extraction.annotate import annotate
from streams.extraction.annotated import PlaceMention
from streams.schemas import Article


def _places(text: str) -> list[PlaceMention]:
    return annotate(Article(text=text, published_at="2024-05-04T08:00:00Z")).places


def _named(text: str, surface: str) -> list[PlaceMention]:
    return [p for p in _places(text) if p.text.startswith(surface)]


def test_a_shared_region_name_with_region_is_ghanas_not_fijis() -> None:
    text = "Youths blocked the highway at a junction in the Northern Region on Friday."
    (region,) = _named(text, "Northern")
    assert region.place.precision == "admin1"
    assert region.place.country3 in {"GHA", "UGA", "MWI"}
    (east,) = _named("Traders protested over market fees in the Eastern Region.", "Eastern")
    assert east.place.country3 in {"GHA", "UGA"}
    assert east.place.latitude is not None and east.place.latitude > 0  # not Fiji's


def test_a_shared_region_name_with_province_is_not_a_region_word_country() -> None:
    (east,) = _named("Farmers marched to the council offices in Eastern Province.", "Eastern")
    assert east.place.country3 in {"LKA", "ZMB", "SLE", "RWA", "SAU", "KEN"}


def test_the_texts_country_decides_a_shared_region_name() -> None:
    text = "Ugandan police dispersed traders who protested in the Eastern Region on Monday."
    (east,) = _named(text, "Eastern")
    assert east.place.country3 == "UGA"
    assert east.place.admin1_name == "Eastern"
    text = "Sri Lankan troops clashed with villagers in the Eastern Province on Sunday."
    (east,) = _named(text, "Eastern")
    assert east.place.country3 == "LKA"


def test_a_town_written_with_a_region_it_is_not_in_is_that_regions_town() -> None:
    text = "Soldiers and rebels fought for hours in Pagak, Upper Nile, on Saturday."
    (town,) = _named(text, "Pagak")
    assert (town.place.country3, town.place.admin1_name) == ("SSD", "Upper Nile")
    assert town.place.precision == "city"
    assert town.place.latitude is None  # not the Pagak of East Java


def test_a_town_written_again_is_the_town_placed_before() -> None:
    text = (
        "Students marched in Kore, West Arsi, on Monday. "
        "Two of them were later beaten by police in Kore."
    )
    towns = _named(text, "Kore")
    assert len(towns) == 2
    assert {(t.place.country3, t.place.admin1_name) for t in towns} == {("ETH", "Oromiya")}


def test_a_town_written_before_a_region_word_of_another_country_is_dropped() -> None:
    text = "Aircraft bombed the northern part of Jau in Unity State on Tuesday."
    assert _named(text, "Jau") == []
    assert [p.place.admin1_name for p in _named(text, "Unity")] == ["Unity"]


def test_a_town_written_before_a_city_is_the_one_near_it_or_none() -> None:
    text = "Party workers clashed outside an office in Karimabad, Karachi on Sunday."
    assert _named(text, "Karimabad") == []
    (city,) = _named(text, "Karachi")
    assert (city.place.country3, city.place.admin1_name) == ("PAK", "Sindh")
    assert city.place.latitude is not None and abs(city.place.latitude - 24.86) < 0.3


def test_names_in_a_list_are_not_a_town_and_its_place() -> None:
    text = "Crowds protested in Lahore, Karachi and Islamabad against the new tax."
    assert {p.text for p in _places(text)} >= {"Lahore", "Karachi", "Islamabad"}
    (lahore,) = _named(text, "Lahore")
    assert lahore.place.admin1_name == "Punjab"
