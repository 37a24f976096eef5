"""Engine v2 tolls (codebook rule 8: all the dead of the happening): dead told as an addition
in the same or a later sentence, wounded coordinated after the dead, 'gunned down', 'reported
killed', 'a couple'. Sentences written for these tests, in no gold set."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.extraction.numbers import AMOUNT_RE, parse_amount
from streams.schemas import Article, Event

PUB = "2025-03-04T09:00:00Z"


def _conflict(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    events = extract(article, extracted_at=datetime(2025, 3, 4, tzinfo=UTC), engine="spacy")
    return [e for e in events if e.category == "conflict"]


def _tolls(text: str) -> list[int | None]:
    return [e.quantities.killed.value if e.quantities.killed else None for e in _conflict(text)]


@pytest.mark.parametrize(
    ("text", "tolls"),
    [
        # a second group of dead in the same sentence, told as an addition
        (
            "Gunmen raided a police station in Dori on Sunday and killed four officers, and "
            "three passers-by were also killed in the raid.",
            [7],
        ),
        # ... in the next sentence, which refers back to the attack: one event
        (
            "Rebels killed six soldiers in an ambush near Kidal on Sunday. Two villagers were "
            "also killed in the attack.",
            [8],
        ),
        # 'N more': a second wave of the same strikes on the same town
        (
            "Russian forces shelled Kherson on Monday, killing 7 people. Further shelling of "
            "Kherson killed 4 more people.",
            [11],
        ),
        # another town: another happening, not an addition
        (
            "Rebels killed six soldiers in an ambush near Kidal on Sunday. Rebels also killed "
            "two farmers in Tessalit.",
            [6, 2],
        ),
        # the wounded coordinated after the dead are no dead
        (
            "Militants attacked a checkpoint in Bannu on Monday, killing 3 policemen and 5 "
            "others were wounded.",
            [3],
        ),
        # 'gunned down': killed
        ("Five militants were gunned down by police in Quetta on Sunday.", [5]),
        # three groups of dead of one verb, listed with their places: all the dead
        (
            "Three policemen, 9 shoppers in a market, and 4 gunmen are killed following a "
            "militant attack on a bazaar in Kohat.",
            [16],
        ),
        # ... but one of the dead named among them is no group of its own
        (
            "A Russian drone hit a block of flats in Sumy overnight, killing at least six "
            "people, among them a two-year-old girl, officials said on Sunday.",
            [6],
        ),
        # a year in brackets labels a noun ('the market bombing (2016)'): today's toll stands
        (
            "Police killed 3 militants wanted for the Quetta market bombing (2016) in a raid "
            "in Peshawar on Sunday.",
            [3],
        ),
        # a vague addition ('dozens') adds no figure
        (
            "Nine soldiers were killed in an insurgent attack on an army base in Mandera on "
            "Friday. Dozens of insurgents were also killed.",
            [9],
        ),
    ],
)
def test_tolls_add_up(text: str, tolls: list[int | None]) -> None:
    assert _tolls(text) == tolls


def test_reported_killed_counts_the_dead_and_wounded() -> None:
    (event,) = _conflict(
        "Militiamen clashed with army troops in Bria on Saturday. "
        "Three militiamen were reported killed and 6 injured."
    )
    counts = (event.quantities.killed, event.quantities.injured)
    assert [c.value if c else None for c in counts] == [3, 6]


def test_a_couple_is_two() -> None:
    match = AMOUNT_RE.search("a couple riding home")
    found = parse_amount(match) if match else None
    assert found is not None
    assert found.value == 2
