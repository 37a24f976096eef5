"""A faster Matcher for en_core_web_sm's attribute_ruler, with the same matches.

The attribute_ruler (which maps the tagger's fine tags to coarse POS and morphology) runs a
Matcher of 180 patterns over every parsed sentence: every pattern is tried at every token, and
its IN lists are Python predicates. Almost all of them are one token with equality, IN or
NOT_IN on TAG, LOWER, DEP and IS_SPACE: `IndexedMatcher` finds those by one dictionary lookup
per token and attribute set, and leaves the rest (several tokens, REGEX, operators) to a
small spaCy Matcher. It returns the same set of matches; the ruler sorts them itself
(AttributeRuler.match), so their order does not matter. tests/unit/test_engine_v2_speed.py
compares the ruler's output with and without it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import product
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

_INDEXED = ("TAG", "LOWER", "DEP", "IS_SPACE")
Match = tuple[int, int, int]
Exclusion = tuple[int, frozenset[int]]  # a column of _INDEXED, the values it must not have
_MAX_KNOWN = 20_000
"""Distinct token rows whose matches are remembered (past it the memory starts again)."""


def _values(value: Any, operator: str = "IN") -> list[str | int] | None:
    if isinstance(value, bool):
        return [int(value)] if operator == "IN" else None
    if isinstance(value, str):
        return [value] if operator == "IN" else None
    if isinstance(value, dict) and set(value) == {operator} and isinstance(value[operator], list):
        return [str(v) for v in value[operator]]
    return None


def _split(spec: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(equality or IN constraints, NOT_IN constraints) of a token spec, if it has only
    those, on indexed attributes, and at least one of the first kind."""
    equal = {k: v for k, v in spec.items() if _values(v) is not None}
    not_in = {k: v for k, v in spec.items() if _values(v, "NOT_IN") is not None}
    if not equal or len(equal) + len(not_in) != len(spec) or not set(spec) <= set(_INDEXED):
        return None
    return equal, not_in


def indexable(pattern: list[dict[str, Any]]) -> bool:
    """One token whose constraints are equality, IN or NOT_IN on TAG, LOWER, DEP or IS_SPACE,
    at least one of them not NOT_IN."""
    return len(pattern) == 1 and _split(pattern[0]) is not None


def _id(vocab: Vocab, value: str | int) -> int:
    return value if isinstance(value, int) else vocab.strings.add(value)


class IndexedMatcher:
    """matcher(doc, allow_missing=True)'s matches, as a set, for the ruler's patterns."""

    def __init__(self, plain: Matcher, vocab: Vocab, keys: Iterable[str]) -> None:
        self.plain = plain
        self.rest = Matcher(vocab)
        self.known: dict[tuple[int, ...], tuple[int, ...]] = {}  # _INDEXED values -> keys
        self.starts = _Starts(vocab)
        # attribute names -> value ids (in that order) -> (match key, exclusions)
        self.index: dict[tuple[str, ...], dict[tuple[int, ...], list[tuple[int, Any]]]] = {}
        for name in keys:
            key = vocab.strings.add(name)
            for pattern in plain.get(key)[1]:
                if indexable(pattern):
                    self._add(vocab, key, pattern[0])
                else:
                    self.rest.add(key, [pattern])
                    self.starts.add(vocab, pattern[0])

    def _add(self, vocab: Vocab, key: int, spec: dict[str, Any]) -> None:
        equal, not_in = _split(spec) or ({}, {})
        attrs = tuple(sorted(equal))
        table = self.index.setdefault(attrs, {})
        choices = [[_id(vocab, v) for v in _values(equal[a]) or []] for a in attrs]
        exclusions: tuple[Exclusion, ...] = tuple(
            (_INDEXED.index(a), frozenset(_id(vocab, v) for v in _values(x, "NOT_IN") or []))
            for a, x in sorted(not_in.items())
        )
        for values in product(*choices):
            table.setdefault(values, []).append((key, exclusions))

    def __call__(self, doc: Doc, *, allow_missing: bool = False, **kwargs: Any) -> list[Any]:
        if not allow_missing or kwargs.get("as_spans") or kwargs.get("with_alignments"):
            return list(self.plain(doc, allow_missing=allow_missing, **kwargs))
        found: dict[Match, None] = {}
        rows = doc.to_array(list(_INDEXED)).tolist() if len(doc) else []
        if len(self.rest) and self.starts.any_in(rows):
            found.update(dict.fromkeys(self.rest(doc, allow_missing=True)))
        known = self.known
        for i, row in enumerate(map(tuple, rows)):
            keys = known.get(row)
            if keys is None:
                keys = self._keys(row)
            for key in keys:
                found[(key, i, i + 1)] = None
        return list(found)

    def _keys(self, row: tuple[int, ...]) -> tuple[int, ...]:
        """The match keys of the indexed patterns a token with these _INDEXED values matches
        (remembered: a token's matches depend on these values alone)."""
        keys: list[int] = []
        for attrs, table in self.index.items():
            values = tuple(row[_INDEXED.index(a)] for a in attrs)
            for key, exclusions in table.get(values, ()):
                if not any(row[c] in banned for c, banned in exclusions):
                    keys.append(key)
        if len(self.known) > _MAX_KNOWN:
            self.known.clear()
        self.known[row] = out = tuple(keys)
        return out

    def get(self, key: Any, default: Any = None) -> Any:
        return self.plain.get(key, default)

    def __len__(self) -> int:
        return len(self.plain)

    def __contains__(self, key: Any) -> bool:
        return key in self.plain


class _Starts:
    """Whether a token can be the first of a match of the other patterns (those of several
    tokens or a REGEX, left to a spaCy Matcher): their first token's equality, IN or REGEX
    tests on _INDEXED attributes, remembered per token row. The Matcher runs only on a doc
    with such a token (a match starts at a token its first pattern token accepts); a first
    token with any other test, or an operator, keeps it running on every doc."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.tests: list[list[tuple[int, Any]]] = []
        self.always = False
        self.known: dict[tuple[int, ...], bool] = {}

    def add(self, vocab: Vocab, spec: dict[str, Any]) -> None:
        tests = [(a, _test(vocab, v)) for a, v in spec.items() if a in _INDEXED]
        if len(tests) != len(spec) or any(t is None for _a, t in tests):
            self.always = True
        self.tests.append([(_INDEXED.index(a), t) for a, t in tests])

    def any_in(self, rows: list[list[int]]) -> bool:
        return self.always or any(self._may_start(tuple(row)) for row in rows)

    def _may_start(self, row: tuple[int, ...]) -> bool:
        known = self.known.get(row)
        if known is None:
            strings = self.vocab.strings
            known = any(all(t(row[c], strings) for c, t in ts) for ts in self.tests)
            if len(self.known) > _MAX_KNOWN:
                self.known.clear()
            self.known[row] = known
        return known


def _test(vocab: Vocab, value: Any) -> Any:
    """A test of a value id (the Matcher's equality, IN or REGEX), or None."""
    if isinstance(value, str | bool | int):
        wanted = _id(vocab, int(value) if isinstance(value, bool) else value)
        return lambda v, _s: v == wanted
    if not isinstance(value, dict) or len(value) != 1:
        return None
    op, arg = next(iter(value.items()))
    if op == "IN" and isinstance(arg, list):
        allowed = frozenset(_id(vocab, x) for x in arg)
        return lambda v, _s: v in allowed
    if op == "REGEX" and isinstance(arg, str):
        regex = re.compile(arg)
        return lambda v, s: regex.search(s[v]) is not None
    return None
