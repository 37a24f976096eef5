"""The trigger and token lookups that make no Span per trigger or Token per doc give what the
plain passes over the doc give (the texts are written for these tests and are in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from spacy.tokens import Doc

from streams.extraction import pipeline
from streams.extraction.components.roles import tokens_within
from streams.extraction.components.triggers import family_triggers, trigger_places, trigger_rows
from streams.schemas import Article

TEXTS = (
    "Militiamen raided a fishing village before dawn on Friday and abducted nine men, a local "
    "chief said. Police arrested two suspects later. The detainees were beaten in custody.",
    "Hundreds of teachers marched to the ministry demanding unpaid wages; riot police fired "
    "tear gas. The minister condemned the violence and urged calm.",
)


def _doc(n: int) -> Doc:
    article = Article(
        id=f"lookups-{n}",
        text=TEXTS[n],
        source="test",
        language="en",
        published_at=datetime(2026, 5, 6, tzinfo=UTC),
    )
    return pipeline.run(article)


@pytest.mark.parametrize("n", range(len(TEXTS)))
def test_trigger_lookups_match_the_rows(n: int) -> None:
    doc = _doc(n)
    rows = trigger_rows(doc)
    assert len(rows) >= 3  # raid, abduct, arrest / march, tear gas, condemn, urge
    places = [(t.start_char, t.end_char, family) for t, _pattern, family in rows]
    assert trigger_places(doc) == places
    families = sorted({family for _t, _p, family in rows})
    for names in ({families[0]}, set(families[1:]), set(families), {"no such family"}):
        wanted = frozenset(names)
        found = family_triggers(doc, wanted)
        expected = [(t, t.start_char) for t, _pattern, family in rows if family in wanted]
        assert [(t.start, t.end, t.label_, at) for t, at in found] == [
            (t.start, t.end, t.label_, at) for t, at in expected
        ]


@pytest.mark.parametrize("n", range(len(TEXTS)))
def test_tokens_within_are_the_tokens_starting_in_the_range(n: int) -> None:
    doc = _doc(n)
    size = len(TEXTS[n])
    for start, end in ((0, size), (0, 1), (5, 40), (17, 18), (size - 10, size), (30, 30)):
        within = [t.i for t in tokens_within(doc, start, end)]
        assert within == [t.i for t in doc if start <= t.idx < end]
    assert len(tokens_within(doc, 0, size)) == len(doc)
