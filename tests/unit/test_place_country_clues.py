"""Words only one country's notes use ('upazila', 'MINUSCA', 'SPLA') point a text that names
no country to that country (place_context.clue_votes, data/en/country_clues.json): a town
with a namesake abroad is read there. Sentences written for these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.extraction.place_context import clue_votes
from streams.schemas import Article


def test_a_countrys_own_words_vote_for_it_as_whole_words_only() -> None:
    assert clue_votes("a clash in Kaliganj upazila") == {"BGD": 1}
    # one vote per distinct word of the country
    assert clue_votes("MINUSCA peacekeepers and FACA soldiers") == {"CAF": 2}
    assert clue_votes("FACA soldiers and more FACA soldiers") == {"CAF": 1}
    assert clue_votes("SPLA soldiers shelled the town") == {"SSD": 1}
    assert clue_votes("SPLA-N fighters shelled the town") == {}
    assert clue_votes("rebels shelled the town") == {}


def test_a_namesake_town_is_read_in_the_country_the_words_point_to() -> None:
    article = Article(
        text="SPLA soldiers attacked Leer on Tuesday, burning dozens of homes.",
        published_at="2024-05-03T08:00:00Z",
    )
    events = extract(article, extracted_at=datetime(2024, 5, 3, tzinfo=UTC), engine="spacy")
    places = [(p.name, p.country) for e in events for p in e.locations if p.latitude]
    assert places
    assert {country for _name, country in places} == {"SSD"}
