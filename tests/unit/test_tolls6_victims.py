"""Victims the toll rules read by meaning: a mob's own killing verb ('a mob lynched three
men'), a killing verb conjoined to a passive ('was attacked and killed'), a singular pronoun
that dies or is killed ('He later died in hospital'), the death of one person named by a
singular noun ('led to the death of a herder'), a possessive before one singular noun
('a farmer and her son': two), and a people named by its plural proper name
('5 Fulanis'): a side of its own, whose dead add to another side's. Sentences written for
these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.schemas import Article

PUB = "2024-05-04T08:00:00Z"


def _tolls(text: str) -> list[tuple[str, int | None]]:
    article = Article(text=text, published_at=PUB)
    events = extract(article, extracted_at=datetime(2024, 5, 4, tzinfo=UTC), engine="spacy")
    return [(e.event_type, e.quantities.killed and e.quantities.killed.value) for e in events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 3 May 2024, a mob in Kano lynched three men accused of theft.", ("mob_violence", 3)),
        (
            "On 3 May 2024, a police officer was attacked and killed by gunmen in Kano.",
            ("armed_clash", 1),
        ),
        (
            "On 3 May 2024, two soldiers were ambushed and killed by militants near Kano.",
            ("armed_clash", 2),
        ),
        (
            "On 3 May 2024, gunmen attacked a police post in Kano. An officer was badly "
            "wounded. He later died in hospital.",
            ("armed_clash", 1),
        ),
        (
            "On 3 May 2024, clashes between youths and herders in Kano led to the death of a "
            "herder.",
            ("mob_violence", 1),
        ),
        # one person named by a possessive before one singular noun
        (
            "On 3 May 2024, a farmer and her son were shot dead by gunmen in Kano.",
            ("attack_on_civilians", 2),
        ),
        (
            "On 3 May 2024, a roadside bomb in Kano killed a trader and his children.",
            ("remote_explosive", 1),
        ),
        # a people named by its plural proper name is a side of its own: two sides' dead add
        (
            "On 3 May 2024, clashes between police and armed Fulani herders in Kano left 5 "
            "Fulanis dead and 4 wounded. 8 policemen were reportedly killed during the fighting.",
            ("armed_clash", 13),
        ),
        # the same people told twice are the same dead
        (
            "On 3 May 2024, police clashed with Fulani herders in Kano, leaving 5 Fulanis dead. "
            "The 5 Fulanis were killed during the fighting.",
            ("armed_clash", 5),
        ),
    ],
)
def test_victims_named_by_meaning_are_counted(text: str, expected: tuple[str, int]) -> None:
    assert _tolls(text) == [expected]


def test_a_pronoun_that_is_only_wounded_is_no_dead() -> None:
    text = "On 3 May 2024, gunmen attacked a police post in Kano. He was wounded in the leg."
    assert _tolls(text) == [("armed_clash", None)]
