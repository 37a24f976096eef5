"""Engine v2 on notes whose bracket of units ends in a region that shares its name with a city
abroad ('(District, Bari)'): with no country named, the region of that very name is read, not
the foreign region around the city, and the city is no scene (note_places.regions). Sentences
written for these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.schemas import Article, Event


def _material(text: str) -> list[Event]:
    article = Article(text=text, published_at="2024-05-03T08:00:00Z")
    events = extract(article, extracted_at=datetime(2024, 5, 3, tzinfo=UTC), engine="spacy")
    return [e for e in events if e.codes.acled_event_type]


def _places(event: Event) -> list[tuple[str, str | None, str | None]]:
    return [(p.name, p.country, p.admin1.name if p.admin1 else None) for p in event.locations]


def test_a_bracket_region_is_the_region_of_that_name_not_a_foreign_city() -> None:
    events = _material(
        "On 2 May 2024, gunmen looted two shops in Dhuudo Weyn village (Iskushuban, Bari)."
    )
    assert [_places(e) for e in events] == [[("Iskushuban", "SOM", "Bari")]]


def test_a_shelled_village_keeps_its_region_when_no_country_is_named() -> None:
    events = _material("On 2 May 2024, soldiers shelled Qaw Dheer village (Qardho, Bari).")
    assert len(events) == 1
    assert all(p.country == "SOM" for p in events[0].locations)
    assert [p.admin1.code for p in events[0].locations if p.admin1] == ["SO-BR"]
