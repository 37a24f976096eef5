"""streams_annotate: the pure annotation (places, actors, dates, sentences) of the legacy
engine, reused as is, exposed as spans with resolved values; and rule sentence boundaries
from it (the model's parser never runs on every sentence)."""

from __future__ import annotations

from typing import cast

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

from streams.extraction.annotate import Annotated, annotate
from streams.extraction.components.truecase import restore
from streams.schemas import Article

for _name in ("article", "annotated"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _name in ("place", "actor", "value", "precision"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def annotated(doc: Doc) -> Annotated:
    value = doc._.annotated
    if not isinstance(value, Annotated):
        raise ValueError("streams_annotate has not run on this doc")
    return value


def doc_text(doc: Doc) -> str:
    """doc.text, joined once per doc and kept in doc.user_data (spaCy joins every token's text,
    one Token object each, on each call: the rules ask for an article's text many times;
    pipeline.make_doc keeps the article's text there from the start)."""
    text: str | None = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def _spans(doc: Doc, items: list[tuple[int, int, str, object]]) -> list[Span]:
    out = []
    for start, end, label, value in items:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            span._.set("value" if label == "DATE" else label.lower(), value)
            out.append(span)
    return out


class Annotate:
    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        if not isinstance(article, Article):
            raise ValueError("the doc carries no article (build it with pipeline.make_doc)")
        restored = restore(article.text)
        if restored != article.text:
            article = article.model_copy(update={"text": restored})
        ann = annotate(article)
        doc._.annotated = ann
        doc.spans["places"] = _spans(doc, [(p.start, p.end, "PLACE", p) for p in ann.places])
        doc.spans["actors"] = _spans(doc, [(a.start, a.end, "ACTOR", a) for a in ann.actors])
        dates = _spans(doc, [(d.start, d.end, "DATE", d) for d in ann.dates])
        for span in dates:
            span._.precision = getattr(span._.value, "precision", None)
        doc.spans["dates"] = dates
        _set_sentences(doc, ann)
        return doc


def _set_sentences(doc: Doc, ann: Annotated) -> None:
    """A token opens a sentence where an annotated sentence starts (the first always). Set as
    one array: token.is_sent_start's setter scans the whole doc on every call."""
    if not len(doc):
        return
    starts = np.array(sorted({s.start for s in ann.sentences}), dtype=np.uint64)
    flags = np.where(np.isin(doc.to_array(["IDX"]), starts), 1, -1)
    flags[0] = 1
    doc.from_array(["SENT_START"], cast(Ints2d, flags.astype(np.uint64).reshape(-1, 1)))


@Language.factory(
    "streams_annotate",
    assigns=["doc._.annotated", "doc.spans", "token.is_sent_start", "span._.place"],
)
def make_annotate(nlp: Language, name: str) -> Annotate:
    return Annotate()
