"""Engine v2 (STREAMS_ENGINE=spacy) on event-note style text: places written with their units
("X village (A, B)"), killings and beatings by a named actor, protests told in one line.
Sentences written for these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.extraction.components.families.note_places import named_places
from streams.schemas import Article, Event

PUB = "2024-05-03T08:00:00Z"


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2024, 5, 3, tzinfo=UTC), engine="spacy")


def _places(event: Event) -> list[tuple[str, str | None]]:
    return [(p.name, p.admin1.name if p.admin1 else None) for p in event.locations]


def test_a_bracket_names_the_district_and_region_innermost_first() -> None:
    found = named_places("Gunmen raided Kulbi village (Garbo district, Lower Shabelle).")
    assert [(n.name, n.parts) for n in found] == [("Kulbi", ("Garbo", "Lower Shabelle"))]
    chain = named_places("Farmers marched in Ciwidey district, Bandung regency, West Java province")
    assert [(n.name, n.parts, n.region_word) for n in chain] == [
        ("Ciwidey", ("Bandung", "West Java"), True)
    ]


def test_a_parenthesis_that_is_no_list_of_places_is_ignored() -> None:
    assert named_places("Troops of the army (described as regular forces) moved in.") == []


def test_a_village_the_gazetteer_lacks_is_placed_at_its_district_seat_in_the_region() -> None:
    text = (
        "On 2 May 2024, militants fired mortar shells at Qoryoley-Tuulo village "
        "(Qoryoley, Lower Shabelle), wounding four residents."
    )
    events = [e for e in _events(text) if e.codes.acled_event_type]
    assert [_places(e) for e in events] == [[("Qoryooley", "Lower Shabelle")]]


def test_an_unknown_village_in_an_unknown_district_keeps_its_name_and_the_region() -> None:
    text = "On 2 May 2024, gunmen abducted two traders in Dhagaxley village (Xawaalbur, Bakool)."
    events = [e for e in _events(text) if e.codes.acled_event_type]
    assert events
    assert [(p.name, p.latitude, p.admin1 and p.admin1.code) for p in events[0].locations] == [
        ("Dhagaxley", None, "SO-BK")
    ]


def test_a_town_without_admin1_takes_the_province_written_after_it() -> None:
    text = (
        "On 2 May 2024, about 200 teachers held a peaceful protest in Cikole subdistrict, "
        "Sukabumi regency, West Java province, demanding unpaid wages."
    )
    events = [e for e in _events(text) if e.codes.acled_event_type == "Protests"]
    assert events
    assert any(region == "West Java" for e in events for _n, region in _places(e))


@pytest.mark.parametrize("unit", ["town", "village"])
def test_a_protest_in_a_named_settlement_is_kept_even_if_the_gazetteer_lacks_it(unit: str) -> None:
    events = _events(f"Bus drivers protested against new road fees in Qarbolo {unit}.")
    protests = [e for e in events if e.codes.acled_event_type == "Protests"]
    assert [_places(e) for e in protests] == [[("Qarbolo", None)]]
