"""nlp.parse_spans builds each sentence's Doc from the tokens the engine's tokenizer already
made: it must give what nlp.parse gives on the sentence's text (tokens, norms, tags, parse).
The texts are written for these tests and are in no gold set."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, NORM, ORTH, POS, SPACY, TAG
from spacy.tokens import Doc, Span

from streams.extraction.nlp import parse, parse_spans, pipeline, sentence_doc
from streams.extraction.pipeline import language

TEXT = (
    "It's said they don't know who'll come, and we're gonna wait. "
    "The militia’s “commander” said:  'We can't   stay.'\n\n"
    "At 5 p.m. on Mon. the U.S.-backed forces (SDF) shelled Raqqa's outskirts!  "
    "Mr. O'Neil, aged 45, wasn't hurt\n\t- police said.\n"
    "Rebels killed two.Then they left"
)


def _sentences(text: str, cuts: list[str]) -> list[Span]:
    """The text's spans between the cut strings (each cut opens a new span)."""
    doc = language().make_doc(text)
    starts = [0, *(text.index(cut) for cut in cuts)]
    ends = [*starts[1:], len(text)]
    pairs = zip(starts, ends, strict=True)
    spans = [doc.char_span(a, b, alignment_mode="expand") for a, b in pairs]
    return [s for s in spans if s is not None]


SPANS = ["The militia", "At 5", "Mr. O'Neil", "\t- police", "Rebels", "Then they"]

_ATTRS = [ORTH, NORM, LOWER, SPACY]


def _rows(doc: Doc, attrs: list[int]) -> list[list[int]]:
    return [list(row) for row in doc.to_array(attrs)]


@pytest.mark.parametrize("cuts", [SPANS, SPANS[:3], []])
def test_sentence_doc_is_the_tokenizers_doc(cuts: list[str]) -> None:
    nlp = pipeline()
    for span in _sentences(TEXT, cuts):
        built, tokenized = sentence_doc(nlp, span), nlp.make_doc(span.text)
        assert built.text == tokenized.text == span.text
        assert [t.text for t in built] == [t.text for t in tokenized]
        assert _rows(built, _ATTRS) == _rows(tokenized, _ATTRS)


def test_exception_norms_are_kept() -> None:
    """A tokenizer exception's norm ('ca' of "can't" reads 'can') is the token's, not its
    word's."""
    nlp = pipeline()
    (span,) = _sentences("We can't stay and won't leave.", [])
    built = sentence_doc(nlp, span)
    norms = {t.text: t.norm_ for t in built}
    assert norms["ca"] == "can"
    assert norms["wo"] == "will"
    assert norms["n't"] == "not"


def test_a_span_cut_inside_a_word_is_tokenised_again() -> None:
    """'two.Then': a span that starts inside a run of characters is not at a whitespace
    boundary; its text is tokenised on its own, as parse() would."""
    nlp = pipeline()
    doc = language().make_doc("Rebels killed two.Then they left")
    start = doc.text.index("Then")
    span = doc.char_span(start, len(doc.text), alignment_mode="expand")
    assert span is not None
    cut = doc[span.start - 1 : span.end]  # from the token before: '.Then ...' or 'two.Then'
    built, tokenized = sentence_doc(nlp, cut), nlp.make_doc(cut.text)
    assert [t.text for t in built] == [t.text for t in tokenized]


def test_parse_spans_equals_parse_of_the_texts() -> None:
    spans = _sentences(TEXT, SPANS)
    assert len(spans) == len(SPANS) + 1
    attrs = [ORTH, NORM, TAG, POS, DEP, HEAD, LEMMA, SPACY]
    got = [_rows(d, attrs) for d in parse_spans(spans)]
    want = [_rows(d, attrs) for d in parse([s.text for s in spans])]
    assert got == want


def test_parse_spans_of_nothing() -> None:
    assert parse_spans([]) == []
