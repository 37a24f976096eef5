"""Engine v2's lookups of a doc's text and of a parse's token by character give what spaCy's
own calls give (doc.text; the token whose idx is the character). The texts are written for
these tests and are in no gold set."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import pipeline
from streams.extraction.components.annotation import doc_text
from streams.extraction.components.roles import token_at
from streams.extraction.nlp import parse
from streams.schemas import Article

TEXT = (
    "Masked men torched three grain stores outside the old mill late on Friday ,  a local "
    "elder told reporters.\n\nNo one was hurt, police said; they've opened an inquiry."
)


def test_engine_v2_text_lookups_doc_text_is_the_article_text() -> None:
    article = Article(
        id="lookups-1",
        text=TEXT,
        source="test",
        language="en",
        published_at=datetime(2026, 5, 6, tzinfo=UTC),
    )
    doc = pipeline.make_doc(article)
    assert doc_text(doc) == doc.text == TEXT
    blank = pipeline.language().make_doc("Two men  were held.")
    assert doc_text(blank) == "Two men  were held."
    assert blank.user_data["text"] == "Two men  were held."  # kept for the next call


def test_engine_v2_text_lookups_token_at_is_the_token_starting_there() -> None:
    parsed = parse([TEXT])[0]
    for char in range(-2, len(TEXT) + 2):
        plain = next((t for t in parsed if t.idx == char), None)
        found = token_at(parsed, char)
        assert (found.i if found is not None else None) == (plain.i if plain is not None else None)
    stores = token_at(parsed, TEXT.index("stores"))
    assert stores is not None and stores.text == "stores"
    assert token_at(parsed, TEXT.index("stores") + 1) is None  # inside a token: none starts
