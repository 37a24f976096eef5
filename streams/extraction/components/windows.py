"""Keyword windows: run a token Matcher only where a match can be.

spaCy's Matcher tries every pattern at every token, so its cost grows with the whole text,
while trigger words are rare. Every pattern of fixed length (token specs with no OP or OP
"?") that has one token spec matched exactly once by a list of LEMMA or LOWER values (its
keyword) can only match within its length of such a token. `KeywordWindows.matches` runs the
Matcher on the merged windows around the keyword tokens of the doc and returns what the
Matcher returns on the whole doc: the same (match_id, start, end) tuples in the same order
(tests/unit/test_engine_v2_speed.py checks this). A pattern set it cannot bound (an OP
"+" / "*", no keyword) runs on the whole doc.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

_ATTRS = ("LEMMA", "LOWER")
_BOUNDED_OPS = frozenset({None, "?"})


def _values(spec: dict[str, Any], attr: str) -> list[str] | None:
    value = spec.get(attr)
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"}:
        return [str(v) for v in value["IN"]]
    return None


def keyword(pattern: Sequence[dict[str, Any]]) -> tuple[str, list[str]] | None:
    """The attribute and values of a token spec every match of the pattern contains."""
    for spec in pattern:
        if spec.get("OP") is not None:
            continue
        for attr in _ATTRS:
            values = _values(spec, attr)
            if values is not None:
                return attr, values
    return None


class KeywordWindows:
    def __init__(self, vocab: Vocab, patterns: Sequence[Sequence[dict[str, Any]]]) -> None:
        found = [keyword(p) for p in patterns]
        self.bounded = bool(patterns) and all(
            k is not None and all(s.get("OP") in _BOUNDED_OPS for s in p)
            for k, p in zip(found, patterns, strict=True)
        )
        self.width = max((len(p) for p in patterns), default=1)
        ids: dict[str, set[int]] = {attr: set() for attr in _ATTRS}
        for item in found:
            if item is not None:
                ids[item[0]].update(vocab.strings.add(v) for v in item[1])
        self.lemmas = np.array(sorted(ids["LEMMA"]), dtype=np.uint64)
        self.lowers = np.array(sorted(ids["LOWER"]), dtype=np.uint64)

    def windows(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges, in order and apart, that hold every possible match."""
        if not len(doc):
            return []
        values = doc.to_array(["LEMMA", "LOWER"])
        hit = np.isin(values[:, 0], self.lemmas) | np.isin(values[:, 1], self.lowers)
        out: list[tuple[int, int]] = []
        for k in np.flatnonzero(hit).tolist():
            start, end = max(0, k - self.width + 1), min(len(doc), k + self.width)
            if out and start <= out[-1][1]:
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
        return out

    def matches(self, matcher: Matcher, doc: Doc) -> list[tuple[int, int, int]]:
        """matcher(doc), computed on the keyword windows only when the patterns allow it."""
        if not self.bounded or not len(doc):
            return list(matcher(doc))
        out: list[tuple[int, int, int]] = []
        for start, end in self.windows(doc):
            out.extend((key, s + start, e + start) for key, s, e in matcher(doc[start:end]))
        return out
