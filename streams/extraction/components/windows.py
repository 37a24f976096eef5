"""Keyword windows: a token Matcher that tries each pattern only where it can match.

spaCy's Matcher tries every pattern at every token, so its cost grows with the text times the
patterns, while trigger words are rare. A pattern of fixed length (token specs with no OP or
OP "?") that has a token spec matched exactly once by a list of LEMMA or LOWER values (its
keyword) can only match within its length of such a token. `KeywordMatcher` runs each pattern
alone on the windows around its own keyword tokens.

What it returns is what the consumers of a Matcher's matches need when they go through
spacy.util.filter_spans (which looks at the order of matches only among equal spans):
`matcher(doc)`'s matches sorted by (start, end), and matches of one span in the order the
Matcher gives them (found by running all patterns on a window around that span).
tests/unit/test_engine_v2_speed.py checks this against the plain Matcher. A pattern set it
cannot bound (an OP "+" / "*", a pattern with no keyword) runs the plain Matcher.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

_ATTRS = ("LEMMA", "LOWER")
_BOUNDED_OPS = frozenset({None, "?"})
Match = tuple[int, int, int]


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


def merged(points: Sequence[int], width: int, length: int) -> list[tuple[int, int]]:
    """Token ranges, in order and apart, within `width` tokens of the points."""
    out: list[tuple[int, int]] = []
    for k in points:
        start, end = max(0, k - width + 1), min(length, k + width)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _in_windows(
    matcher: Matcher, doc: Doc, windows: Sequence[tuple[int, int]], **kwargs: Any
) -> list[Match]:
    out: list[Match] = []
    for start, end in windows:
        found = matcher(doc[start:end], **kwargs)
        out.extend((key, s + start, e + start) for key, s, e in found)
    return out


class KeywordMatcher:
    def __init__(self, vocab: Vocab, patterns: Mapping[str, list[dict[str, Any]]]) -> None:
        self.matcher = Matcher(vocab, validate=True)
        for key, pattern in patterns.items():
            self.matcher.add(key, [pattern])
        found = {key: keyword(p) for key, p in patterns.items()}
        self.bounded = bool(patterns) and all(
            found[key] is not None and all(s.get("OP") in _BOUNDED_OPS for s in p)
            for key, p in patterns.items()
        )
        self.width = max((len(p) for p in patterns.values()), default=1)
        self.alone: list[tuple[Matcher, int]] = []  # each pattern's own matcher and length
        self.index: dict[str, dict[int, list[int]]] = {attr: {} for attr in _ATTRS}
        for n, (key, pattern) in enumerate(patterns.items()):
            own = Matcher(vocab)
            own.add(key, [pattern])
            self.alone.append((own, len(pattern)))
            item = found[key]
            if item is not None:
                for value in item[1]:
                    self.index[item[0]].setdefault(vocab.strings.add(value), []).append(n)
        self.ids = {attr: np.array(sorted(self.index[attr]), dtype=np.uint64) for attr in _ATTRS}

    def __call__(self, doc: Doc) -> list[Match]:
        """matcher(doc)'s matches sorted by (start, end), equal spans in the Matcher's order."""
        if not self.bounded or not len(doc) or not doc.has_annotation("LEMMA"):
            return sorted(self.matcher(doc), key=lambda m: (m[1], m[2]))
        found: set[Match] = set()
        for n, points in self._keyword_tokens(doc).items():
            own, length = self.alone[n]
            windows = merged(points, length, len(doc))
            found.update(_in_windows(own, doc, windows, allow_missing=True))
        return self._ordered(doc, found)

    def _keyword_tokens(self, doc: Doc) -> dict[int, list[int]]:
        """Pattern number -> the tokens (in order) that hold its keyword."""
        values = doc.to_array(list(_ATTRS))
        hit = np.zeros(len(doc), dtype=bool)
        for column, attr in enumerate(_ATTRS):
            hit |= np.isin(values[:, column], self.ids[attr])
        out: dict[int, list[int]] = {}
        for k in np.flatnonzero(hit).tolist():
            for column, attr in enumerate(_ATTRS):
                for n in self.index[attr].get(int(values[k, column]), ()):
                    if not out.get(n) or out[n][-1] != k:
                        out.setdefault(n, []).append(k)
        return out

    def _ordered(self, doc: Doc, found: set[Match]) -> list[Match]:
        spans: dict[tuple[int, int], list[int]] = {}
        for key, start, end in found:
            spans.setdefault((start, end), []).append(key)
        out: list[Match] = []
        for (start, end), keys in sorted(spans.items()):
            ordered = self._tie_order(doc, start, end, keys) if len(keys) > 1 else keys
            out.extend((key, start, end) for key in ordered)
        return out

    def _tie_order(self, doc: Doc, start: int, end: int, keys: list[int]) -> list[int]:
        """The Matcher's order among the patterns that match one span."""
        window = [(max(0, start - self.width + 1), min(len(doc), end + self.width - 1))]
        found = _in_windows(self.matcher, doc, window)
        order = [key for key, s, e in found if (s, e) == (start, end)]
        return sorted(keys, key=order.index)
