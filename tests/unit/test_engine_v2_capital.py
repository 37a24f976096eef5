"""Engine v2: 'in the capital' places an event that the sentence rules placed only in a country
in that country's capital city; 'the capital of X' and 'the provincial capital' do not
(components/families/capital). Sentences written for these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.extraction.components.families.capital import capitals
from streams.schemas import Article, Event

PUB = "2024-05-03T08:00:00Z"


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2024, 5, 3, tzinfo=UTC), engine="spacy")


def _places(event: Event) -> list[tuple[str, str | None]]:
    return [(p.name, p.country) for p in event.locations]


def test_every_capital_is_a_town_of_its_own_country() -> None:
    found = capitals()
    assert (found["KEN"].name, found["BFA"].name) == ("Nairobi", "Ouagadougou")
    assert all(place.country3 == iso3 for iso3, place in found.items())


def test_a_protest_in_the_capital_of_a_country_is_in_its_capital_city() -> None:
    events = _events("On 2 May 2024, nurses in Malawi marched in the capital to demand back pay.")
    assert [_places(e) for e in events] == [[("Lilongwe", "MWI")]]


def test_the_capital_of_a_named_place_is_not_the_countrys_capital() -> None:
    events = _events(
        "On 2 May 2024, nurses in Malawi marched in the capital of the Northern Region."
    )
    assert all(("Lilongwe", "MWI") not in _places(e) for e in events)


def test_a_provincial_capital_is_not_the_countrys_capital() -> None:
    events = _events("On 2 May 2024, nurses in Malawi marched in the regional capital.")
    assert all(("Lilongwe", "MWI") not in _places(e) for e in events)
