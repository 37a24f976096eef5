"""Engine v2 on notes that write a settlement with its units ('X town (X, Region)'): the
settlement wins over a namesake abroad or the seat of a unit read in the same sentence, over
a country the doers point to, and over a region since split (components/families/note_places).
A count of fatalities is a toll like a count of deaths. Sentences written for these tests (in no
gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2024-05-03T08:00:00Z"


def _material(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    events = extract(article, extracted_at=datetime(2024, 5, 3, tzinfo=UTC), engine="spacy")
    return [e for e in events if e.codes.acled_event_type]


def _places(event: Event) -> list[tuple[str, str | None, str | None]]:
    return [
        (p.name, p.country, p.admin1.name if p.admin1 else None)
        for p in event.locations
        if p.latitude is not None
    ]


def test_a_namesake_abroad_gives_way_to_the_settlement_written_with_its_units() -> None:
    events = _material(
        "On 2 May 2024, armed men looted the Lima mine, 12 km from Ouadda (Ouadda, Haute-Kotto)."
    )
    assert [_places(e) for e in events] == [[("Ouadda", "CAF", "Haute-Kotto")]]


def test_a_unit_read_as_its_seat_gives_way_to_the_settlement_inside_it() -> None:
    events = _material(
        "On 2 May 2024, Al Shabaab fighters burned a school at a camp in Takaba town "
        "(Takaba, Mandera)."
    )
    assert [_places(e) for e in events] == [[("Takaba", "KEN", "Mandera")]]


def test_the_units_written_outweigh_the_country_the_doers_point_to() -> None:
    events = _material(
        "On 2 May 2024, Al Shabaab fighters burned a school in Mpeketoni town (Mpeketoni, Lamu)."
    )
    assert [_places(e) for e in events] == [[("Mpeketoni", "KEN", "Lamu")]]


def test_a_town_of_a_split_region_is_the_countrys_one_town_of_that_name() -> None:
    events = _material(
        "On 2 May 2024, soldiers beat three farmers in Merauke city, Papua province."
    )
    assert len(events) == 1
    (place,) = events[0].locations
    assert (place.name, place.country, place.admin1 and place.admin1.name) == (
        "Merauke",
        "IDN",
        "Papua",
    )
    assert place.latitude is not None and abs(place.latitude + 8.5) < 0.1


def _killed(event: Event) -> int | None:
    return event.quantities.killed.value if event.quantities.killed else None


def test_a_count_of_fatalities_is_the_clashs_dead() -> None:
    events = _material(
        "On 2 May 2024, militiamen clashed with soldiers in Kaduna, leaving 9 fatalities."
    )
    assert [(e.event_type, _killed(e)) for e in events] == [("armed_clash", 9)]


def test_fatalities_of_a_road_crash_are_no_conflict_event() -> None:
    assert _material("On 2 May 2024, a bus crash on the Kaduna road caused 4 fatalities.") == []
