"""Engine v2: places the gazetteer has no town for, read from how the text writes them
(extraction/place_coinage): a unit below a region named alone ('in Swat', 'in Kossi
Province') is its seat with the region's admin1 and no coordinates; two towns of one country
joined by a hyphen ('the Eldoret-Kitale road') are placed at the first. Sentences written for
these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.extraction.place_coinage import road_pair, unit_seat
from streams.schemas import Article

PUB = "2024-05-03T08:00:00Z"
NOW = datetime(2024, 5, 3, tzinfo=UTC)


def _places(text: str) -> list[tuple[str, str | None, str | None, float | None]]:
    events = extract(Article(text=text, published_at=PUB), extracted_at=NOW, engine="spacy")
    return [
        (p.name, p.country, p.admin1.name if p.admin1 else None, p.latitude)
        for e in events
        if e.codes.acled_event_type
        for p in e.locations
    ]


def _one_town(text: str, latitude: float) -> tuple[str, str | None, str | None]:
    """The one place of the text's events, checked to lie near `latitude`."""
    ((name, country, admin1, lat),) = _places(text)
    assert lat is not None and abs(lat - latitude) < 0.2
    return name, country, admin1


def test_a_district_named_alone_after_a_location_word_is_its_seat_in_its_region() -> None:
    assert _places("Assailants torched a passenger bus in Munshiganj on Sunday.") == [
        ("Munshiganj", "BGD", "Dhaka", None)
    ]


def test_a_county_named_alone_at_the_start_of_a_sentence() -> None:
    assert _places("In Nasir, rebels shelled army positions overnight.") == [
        ("Nasir", "SSD", "Upper Nile", None)
    ]


def test_a_seat_written_as_a_town_takes_its_county_region() -> None:
    assert _places("Gunmen shot dead a trader in Cueibet town on Friday.") == [
        ("Cueibet", "SSD", "Lakes", None)
    ]


def test_a_province_below_a_region_is_read_in_that_region() -> None:
    assert _places("Gunmen torched a school in Kossi Province on Friday.") == [
        ("Kossi", "BFA", "Boucle du Mouhoun", None)
    ]


def test_a_province_after_a_town_rules_out_a_namesake_abroad() -> None:
    places = _places("Militants abducted a teacher in Lassa, Soum Province, on Monday.")
    assert all(country != "CHN" for _n, country, _a, _lat in places)


def test_a_town_with_its_province_keeps_the_town() -> None:
    found = _one_town("Militants attacked Djibo, Soum Province, on Monday.", 14.1)
    assert found == ("Djibo", "BFA", "Sahel")


def test_a_road_between_two_towns_is_placed_at_the_first() -> None:
    text = "Bandits ambushed a bus on the Eldoret-Kitale road on Tuesday, wounding three."
    assert _one_town(text, 0.52) == ("Eldoret", "KEN", "Uasin Gishu")


def test_towns_of_two_countries_joined_are_no_road() -> None:
    assert road_pair("Paris-Berlin", 0, "Paris-Berlin") is None
    found = road_pair("on the axis Kongoussi-Djibo", 12, "Kongoussi-Djibo")
    assert found is not None
    assert (found.start, found.end, found.surface) == (12, 21, "Kongoussi")
    assert {c.country3 for c in found.cands} == {"BFA"}


def test_a_town_or_a_word_that_is_no_unit_is_never_coined() -> None:
    assert unit_seat("Kathmandu", set()) is None  # a town the gazetteer knows
    assert unit_seat("Parliament", set()) is None
    seat = unit_seat("Swat", set())
    assert seat is not None
    assert (seat.name, seat.country3, seat.admin1_name, seat.latitude) == (
        "Swat",
        "PAK",
        "Khyber Pakhtunkhwa",
        None,
    )


def test_a_county_named_after_a_town_and_a_compass_point_is_that_town() -> None:
    found = _one_town("Gunmen killed three herders in Rumbek Central.", 6.8)
    assert found == ("Rumbek", "SSD", "Lakes")


def test_next_to_a_road_word_the_first_known_end_of_the_road_is_the_place() -> None:
    text = "Rebels abducted a truck driver along the Gumbaro-Aribinda road on Monday."
    assert _one_town(text, 14.23) == ("Aribinda", "BFA", "Sahel")


def test_without_a_road_word_an_unknown_end_makes_no_road() -> None:
    assert _places("Rebels abducted a truck driver near Gumbaro-Aribinda on Monday.") == []


def test_a_unit_of_the_country_the_text_is_about_is_no_namesake_abroad() -> None:
    places = _places("Ethiopian soldiers shot two protesters in Bale on Monday.")
    assert set(places) == {("Bale", "ETH", "Oromiya", None)}
    # no actor names the country here: a people's name that only one country's notes use
    places = _places("Oromo youths protested in Dallo Mana, Bale. Soldiers fired on them.")
    assert {(country, admin1) for _n, country, admin1, _lat in places} == {("ETH", "Oromiya")}


def test_in_a_text_about_the_namesakes_country_the_namesake_stays() -> None:
    places = _places("Swiss police arrested ten protesters in Bale on Monday.")
    assert {(name, country) for name, country, _a, _lat in places} == {("Basel", "CHE")}
