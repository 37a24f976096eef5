"""The dead of two sides told in two sentences of one act add (streams/extraction/toll_sides.py,
data/en/victim_sides.json), and so do the bodies of the other side found after it; the same
victims told twice, a toll of no side, a running total, a separate act and an act in another
town keep their own counts. Articles written for these tests, in no gold set."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.extraction.toll_sides import victim_groups
from streams.schemas import Article, Count

PUB = "2025-03-04T09:00:00Z"  # a Tuesday
BENI = "Troops clashed with rebels near Beni on Monday, leaving 4 rebels dead. "
DJIBO = "Jihadists attacked an army base near Djibo on Friday, killing 12 soldiers. "
RAID = "Gunmen raided the village of Tudun Wada on Saturday. "


def _tolls(text: str) -> list[int | None]:
    """The dead of each conflict event of the text."""
    at = datetime(2025, 3, 4, tzinfo=UTC)
    found = extract(Article(text=text, published_at=PUB), extracted_at=at, engine="spacy")
    killed = [e.quantities.killed for e in found if e.category == "conflict"]
    return [k.value if k else None for k in killed]


@pytest.mark.parametrize(
    ("text", "tolls"),
    [
        # the dead of a second side, told in the next sentence, add
        (BENI + "6 soldiers were killed during the fighting.", [10]),
        (
            "Gunmen stormed a police station in Kano on Tuesday, killing two policemen. Five "
            "attackers were killed when officers returned fire.",
            [7],
        ),
        (
            "Soldiers clashed with al-Shabaab militants near Afgooye on Thursday, killing "
            "seven militants. Three soldiers died in the fighting, an army officer said.",
            [10],
        ),
        # the bodies of the other side found after the act add; with no toll they are its dead
        (DJIBO + "The bodies of six fighters were found.", [18]),
        (
            "Clashes broke out near Djibo on Friday. Three soldiers were killed and seven were "
            "injured. The bodies of six jihadist fighters were found, state media said.",
            [9],
        ),
        (RAID + "The bodies of six villagers were recovered on Sunday.", [6]),
        # the same victims told twice, or a toll of no side, stay one count
        (
            "Soldiers fought ISWAP fighters in Monguno on Sunday, killing 4 rebels. The army "
            "said the four insurgents were killed in the fighting.",
            [4],
        ),
        (
            "Gunmen killed four villagers in Tudun Wada on Saturday. The bodies of the four "
            "villagers were recovered on Sunday.",
            [4],
        ),
        (BENI + "Six people were killed in the fighting, the army said.", [6]),
        # a running total adds nothing
        (BENI + "More than 300 soldiers have been killed in the province since January.", [4]),
    ],
)
def test_the_dead_of_the_tellings(text: str, tolls: list[int]) -> None:
    assert _tolls(text) == tolls


@pytest.mark.parametrize(
    "text",
    [
        BENI + "In a separate attack, 6 soldiers were killed.",
        DJIBO + "The bodies of six fighters were found in Kaya.",
    ],
)
def test_another_act_adds_nothing(text: str) -> None:
    assert 10 not in _tolls(text) and 18 not in _tolls(text)


def test_two_acts_in_two_towns_keep_their_own_counts() -> None:
    text = (
        "Rebels killed four soldiers in an ambush near Beni on Monday. In Butembo, militiamen "
        "killed six civilians on Tuesday."
    )
    assert sorted(_tolls(text), key=str) == [4, 6]


def test_victim_groups_read_the_nouns_of_the_toll() -> None:
    assert victim_groups(Count(value=6, text="6 soldiers were killed")) == {"military"}
    assert victim_groups(Count(value=4, text="leaving 4 rebels dead")) == {"armed_group"}
    assert victim_groups(Count(value=3, text="three children")) == {"civilians"}
    assert victim_groups(Count(value=6, text="six people were killed")) == frozenset()
