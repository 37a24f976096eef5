"""Engine v2 on places written with units below the first-level region: an ISO 3166-2 province
or district tells the region of the town written with it ('X (Town, Province)', 'X town, Y
province'); a compass word that starts a longer unknown name is not a region abroad; a
settlement the gazetteer lacks keeps the region the sentence named; a toll or an attack the
sentence rules left without a place takes the place a note writes with its units, never a
dateline's bracket; a demonstration in a part of a town ('the Y area of X') is in that town
(components/families/note_places, unrest, subdivisions). Sentences written for these
tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.extraction.components.families.note_places import named_places, resolve
from streams.extraction.subdivisions import region_of_unit
from streams.schemas import Article, Event

PUB = "2024-05-03T08:00:00Z"


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2024, 5, 3, tzinfo=UTC), engine="spacy")


def _places(event: Event) -> list[tuple[str, str | None, str | None]]:
    return [(p.name, p.country, p.admin1.code if p.admin1 else None) for p in event.locations]


def test_an_iso_province_names_the_region_it_lies_in() -> None:
    assert [r.admin1_code for r in region_of_unit("Soum", set())] == ["BF-12"]
    assert [r.admin1_code for r in region_of_unit("Nueva Ecija", {"PHL"})] == ["PH-03"]
    # a first-level region is not a unit below one; an unknown name is neither
    assert region_of_unit("Borgou", set()) == []
    assert region_of_unit("Zoralo", set()) == []


def test_a_village_written_with_its_district_seat_and_province_is_placed_at_the_seat() -> None:
    events = _events("On 2 May 2024, militants burned the market of Kelbo (Arbinda, Soum).")
    assert [_places(e) for e in events] == [[("Aribinda", "BFA", "BF-12")]]


def test_a_town_written_with_its_province_is_not_a_namesake_abroad() -> None:
    events = _events(
        "On 2 May 2024, police killed a drug suspect during a raid in San Isidro town, "
        "Nueva Ecija province."
    )
    assert len(events) == 1
    assert ("San Isidro", "PHL", "PH-03") in _places(events[0])
    assert all(country != "PER" for _n, country, _c in _places(events[0]))


def test_a_compass_word_heading_an_unknown_name_is_not_a_region_and_the_region_stays() -> None:
    events = _events(
        "On 2 May 2024, villagers attacked a teacher in North Zoralo village of Tripura."
    )
    assert [_places(e) for e in events] == [[("North Zoralo", "IND", "IN-TR")]]


def test_a_unit_written_alone_is_read_as_its_seat() -> None:
    (named,) = named_places("Two men were hurt in a clash in Sherpur district on Monday.")
    assert (named.name, named.parts, named.alone) == ("Sherpur", ("Sherpur",), True)
    found = resolve(named, {"BGD"})
    assert found is not None
    assert (found.name, found.country) == ("Sherpur", "BGD")


def test_a_toll_takes_the_place_its_note_writes_with_units() -> None:
    events = _events(
        "On 2 May 2024, gunmen killed a trader. Two more bodies were found near Kelbo "
        "(Arbinda, Soum)."
    )
    assert [_places(e) for e in events] == [[("Aribinda", "BFA", "BF-12")]]


def test_a_dateline_bracket_gives_no_place_to_a_toll() -> None:
    assert _events("KAMPALA (Reuters) - Two more bodies were found on Monday, police said.") == []


def test_a_settlement_the_gazetteer_lacks_keeps_its_bracket_region_over_the_doers_country() -> None:
    events = _events(
        "On 2 May 2024, Nigerien smugglers clashed with customs officers in Zorokpa "
        "(Zorokpa, Alibori)."
    )
    assert [_places(e) for e in events] == [[("Zorokpa", "BEN", "BJ-AL")]]


def test_the_first_word_of_a_settlement_read_as_a_town_gives_way_to_the_bracket() -> None:
    # "Buulo" alone is read as a town of another region; "Bay" alone as a town abroad
    events = _events(
        "On 2 May 2024, militants abducted two herders in Buulo Xaaji village (Buur Hakaba, Bay)."
    )
    assert [_places(e) for e in events] == [[("Buurhakaba", "SOM", "SO-BY")]]


def test_a_demonstration_in_a_part_of_a_town_is_in_that_town() -> None:
    events = _events(
        "On 2 May 2024, youths burned tyres in the third arrondissement of Bangui to protest "
        "a killing."
    )
    assert [[(n, c) for n, c, _code in _places(e)] for e in events] == [[("Bangui", "CAF")]]


def test_a_town_qualified_by_its_province_is_the_one_in_the_provinces_region() -> None:
    events = _events("On 2 May 2024, gunmen shot dead a councillor in San Jose, Nueva Ecija.")
    assert [_places(e) for e in events] == [[("San Jose", "PHL", "PH-03")]]
