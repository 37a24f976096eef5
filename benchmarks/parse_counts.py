"""Deterministic counts of engine v2's work with the model: the sentences and tokens it parses
per article, by the part of the engine that asked (streams_parse's trigger sentences, the
verbal families' sentences it parses ahead, the sentences before; the verbal families and the
framing check on demand), over the realnews texts and the benchmark corpus. Unlike a timing,
the counts do not depend on the machine's load: a change that parses less shows here first.

    .venv/bin/python -m benchmarks.parse_counts              # both sets, a table as JSON
    .venv/bin/python -m benchmarks.parse_counts --corpus 300
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from types import FrameType
from typing import TYPE_CHECKING

from benchmarks.engines import _articles
from streams.extraction import extract
from streams.extraction.nlp import pipeline
from streams.extraction.pipeline import make_doc
from streams.schemas import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

ASKERS = {
    "_previous": "sentence before",
    "sentence_parse": "framing",
    "parse_sentences": "verbal on demand",
    "parse_docs": "streams_parse",
}
"""The function up the stack that names who asked for a parse (the first one found)."""


def _asker(frame: FrameType | None, text: str) -> str:
    while frame is not None:
        name = ASKERS.get(frame.f_code.co_name)
        if name == "streams_parse" and _second_pass(frame):
            return "sentence before"
        if name == "streams_parse" and _ahead(frame, text):
            return "verbal ahead (streams_parse)"
        if name is not None:
            return name
        frame = frame.f_back
    return "other"


def _ahead(frame: FrameType, text: str) -> bool:
    """A sentence parse_docs parses ahead for the verbal families (in its first pass)."""
    plans = frame.f_locals.get("plans") or []
    return any(s.text == text for _sents, ahead in plans for s in ahead)


def _second_pass(frame: FrameType) -> bool:
    """parse_docs's second model pass (the sentences before), after it set doc._.parses."""
    return "wanted" in frame.f_locals


class Counts:
    """Wraps the shared pipeline's `pipe`: every parse of engine v2 goes through it."""

    def __init__(self) -> None:
        self.sentences: Counter[str] = Counter()
        self.tokens: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()
        self.model_calls = 0
        nlp = pipeline()
        self._pipe = nlp.pipe
        nlp.pipe = self.pipe  # type: ignore[method-assign]

    def pipe(self, texts: Iterable[str], **kwargs: object) -> Iterator[Doc]:
        caller = sys._getframe(1)
        self.model_calls += 1
        askers = set()
        for doc in self._pipe(texts, **kwargs):  # type: ignore[arg-type]
            asker = _asker(caller, doc.text)
            askers.add(asker)
            self.sentences[asker] += 1
            self.tokens[asker] += len(doc)
            yield doc
        self.calls.update(askers)

    def restore(self) -> None:
        pipeline().pipe = self._pipe  # type: ignore[method-assign]


def count(articles: Sequence[Article]) -> dict[str, object]:
    counts = Counts()
    try:
        for article in articles:
            extract(article, engine="spacy")
    finally:
        counts.restore()
    n = max(1, len(articles))
    return {
        "articles": len(articles),
        "article tokens": sum(len(make_doc(a)) for a in articles),
        "parsed sentences": sum(counts.sentences.values()),
        "parsed tokens": sum(counts.tokens.values()),
        "model calls": counts.model_calls,
        "sentences per article": round(sum(counts.sentences.values()) / n, 2),
        "tokens per article": round(sum(counts.tokens.values()) / n, 1),
        "by asker (sentences, tokens, calls with its sentences)": {
            k: [counts.sentences[k], counts.tokens[k], counts.calls[k]]
            for k in sorted(counts.calls)
        },
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.parse_counts")
    parser.add_argument("--corpus", type=int, default=300, help="benchmark corpus articles")
    args = parser.parse_args(argv)
    corpus, realnews = _articles(args.corpus)
    report = {"realnews texts": count(realnews), "benchmark corpus": count(corpus)}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
