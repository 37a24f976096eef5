"""A text that names no country: its actors and unambiguous places give the country its
ambiguous place names are read in, and common words are no towns abroad."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction.annotate import annotate
from streams.schemas import Article


def _places(text: str) -> list[tuple[str, str]]:
    article = Article(
        id="t",
        text=text,
        source="test",
        language="en",
        published_at=datetime(2024, 3, 5, 8, tzinfo=UTC),
    )
    return [(p.text, p.place.country3) for p in annotate(article).places]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unambiguous town of the text gives the country of the namesake
        (
            "Unknown gunmen shot dead a trader in Larkana on Monday. In Hyderabad, traders "
            "closed their shops in protest.",
            [("Larkana", "PAK"), ("Hyderabad", "PAK")],
        ),
        # nothing points anywhere: the bigger namesake, as before
        ("On 3 March, traders closed their shops in Hyderabad.", [("Hyderabad", "IND")]),
        # a country named: the text's own focus decides
        ("On 3 March, traders closed their shops in Hyderabad, India.", [("Hyderabad", "IND")]),
    ],
)
def test_place_context_reads_namesakes_in_the_texts_country(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _places(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town of one country: 'Assumption' (USA) is the school's name
        ("Fighters fired mortars at the Assumption school in Kisumu.", [("Kisumu", "KEN")]),
        # an armed group's home country
        ("Al-Shabaab militants fired mortars at the Assumption school near the base.", []),
        (
            "On 3 March, youths burned tyres outside the Jubilee offices in Kisumu town after "
            "the vote count.",
            [("Kisumu", "KEN")],
        ),
        # a sentence-initial word the text also writes in lower case
        (
            "Grenade attack on a bar in Kisumu. A grenade was thrown by unidentified men.",
            [("Kisumu", "KEN")],
        ),
    ],
)
def test_place_context_drops_common_words_abroad(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _places(text) == expected
