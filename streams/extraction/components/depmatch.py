"""A faster DependencyMatcher for the role patterns, with the same matches in the same order.

spaCy's DependencyMatcher first runs a token Matcher of every node of every pattern over the
parse and then, for each token match, walks the token's ancestors (as Token objects) to find
its tree root: on short parses of one sentence most of its time. `IndexedDependencyMatcher`
finds the node matches by dictionary lookups of each token's attributes (DEP, POS, LEMMA,
LOWER, TAG; equality, IN and NOT_IN, as the role patterns write them) and the roots from the
head offsets, then leaves the tree search to spaCy. A pattern set with other node constraints
keeps spaCy's own token Matcher (the roots still come from the array).

What it must give `DependencyMatcher.__call__` is the map root -> node key -> token positions
in the order the token Matcher finds them: roots in the order of their first matched token,
positions ascending. A tree none of whose tokens can match the first node of every pattern (a
trigger pinned by an extension, `_` {name: True}) yields no match and is left out.
tests/unit/test_engine_v2_speed.py compares it with the plain DependencyMatcher.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

_COLUMNS = ("DEP", "POS", "LEMMA", "LOWER", "TAG")
PositionMaps = dict[int, dict[int, list[int]]]
_MAX_KNOWN = 10_000
"""Distinct token rows whose node matches are remembered (past it the memory starts again)."""


def roots(doc: Doc) -> list[int]:
    """Each token's tree root (its last ancestor, itself for a root), from the head offsets."""
    heads = doc.to_array("HEAD").astype(np.int64).tolist() if len(doc) else []
    out = [-1] * len(heads)
    for i in range(len(heads)):
        path: list[int] = []
        k = i
        while out[k] < 0 and heads[k] != 0 and len(path) < len(heads):
            path.append(k)
            k += heads[k]
        root = k if out[k] < 0 else out[k]
        for j in (*path, k):
            out[j] = root
    return out


def _ids(vocab: Vocab, value: Any) -> tuple[list[int], bool] | None:
    """The value ids a node constraint accepts (or, NOT_IN, rejects), and whether it rejects."""
    if isinstance(value, str):
        return [vocab.strings.add(value)], False
    if not isinstance(value, dict) or len(value) != 1:
        return None
    op, values = next(iter(value.items()))
    if op not in ("IN", "NOT_IN") or not isinstance(values, list):
        return None
    if not all(isinstance(v, str) for v in values):
        return None
    return [vocab.strings.add(v) for v in values], op == "NOT_IN"


@dataclass
class _Nodes:
    """The node patterns, indexed by the attribute values that admit them. `pin` is the one
    token extension a node may require to be True (the first nodes of the role patterns)."""

    pin: str | None = None
    open_index: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    pinned_index: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    needed: dict[int, int] = field(default_factory=dict)  # node key -> its positive tests
    banned: dict[int, list[tuple[int, frozenset[int]]]] = field(default_factory=dict)
    open_free: list[int] = field(default_factory=list)  # no positive test, no pin
    pinned_free: list[int] = field(default_factory=list)  # no positive test but the pin
    pinned_keys: set[int] = field(default_factory=set)
    known: dict[tuple[int | bool, ...], list[int]] = field(default_factory=dict)

    def add(self, vocab: Vocab, key: int, spec: dict[str, Any]) -> bool:
        """Index one node's constraints; False if it has one the index cannot read."""
        tests: list[tuple[int, list[int], bool]] = []
        for attr, value in spec.items():
            if attr == "_":
                if not self._pinned(key, value):
                    return False
                continue
            found = _ids(vocab, value) if attr in _COLUMNS else None
            if found is None:
                return False
            tests.append((_COLUMNS.index(attr), *found))
        index = self.pinned_index if key in self.pinned_keys else self.open_index
        self.needed[key] = sum(not banned for _c, _v, banned in tests)
        for column, values, banned in tests:
            if banned:
                self.banned.setdefault(key, []).append((column, frozenset(values)))
            for value_id in [] if banned else values:
                index.setdefault((column, value_id), []).append(key)
        if not self.needed[key]:
            (self.pinned_free if key in self.pinned_keys else self.open_free).append(key)
        return True

    def _pinned(self, key: int, value: Any) -> bool:
        if not isinstance(value, dict) or len(value) != 1:
            return False
        name, wanted = next(iter(value.items()))
        if wanted is not True or self.pin not in (None, name) or not _plain_flag(name):
            return False
        self.pin = name
        self.pinned_keys.add(key)
        return True

    def matched(self, row: list[int], pinned: bool) -> list[int]:
        """The node keys a token with these attribute values (and pin flag) matches
        (remembered: they depend on these values alone)."""
        key = (*row[: len(_COLUMNS)], pinned)
        found = self.known.get(key)
        if found is None:
            if len(self.known) > _MAX_KNOWN:
                self.known.clear()
            found = self.known[key] = self._matched(row, pinned)
        return found

    def _matched(self, row: list[int], pinned: bool) -> list[int]:
        hits: dict[int, int] = {}
        for column, value in enumerate(row[: len(_COLUMNS)]):
            for key in self.open_index.get((column, value), ()):
                hits[key] = hits.get(key, 0) + 1
            if pinned:
                for key in self.pinned_index.get((column, value), ()):
                    hits[key] = hits.get(key, 0) + 1
        found = [k for k, n in hits.items() if n == self.needed[k]] + self.open_free
        if pinned:
            found += self.pinned_free
        if not self.banned:
            return found
        return [
            k for k in found if not any(row[c] in banned for c, banned in self.banned.get(k, ()))
        ]


def _plain_flag(name: str) -> bool:
    """A token extension with default False and no getter: its set values live in
    doc.user_data, where `flags` reads them without making Token objects."""
    if not Token.has_extension(name):
        return False
    default, method, getter, _setter = Token.get_extension(name)
    return default is False and method is None and getter is None


def flags(doc: Doc, name: str, starts: list[int]) -> list[bool]:
    """token._.get(name) for the tokens starting at these characters (a plain flag)."""
    data: dict[Any, Any] = doc.user_data
    return [bool(data.get(("._.", name, start, None), False)) for start in starts]


class IndexedDependencyMatcher(DependencyMatcher):
    """DependencyMatcher with the node matches and roots found by lookup (module docstring)."""

    def __init__(self, vocab: Vocab, *, validate: bool = False) -> None:
        super().__init__(vocab, validate=validate)
        self._nodes: _Nodes | None = None
        self._indexed = False
        self._every_first = False

    def add(self, key: Any, patterns: list[Any], *, on_match: Any = None) -> None:
        super().add(key, patterns, on_match=on_match)
        self._indexed = False

    def remove(self, key: Any) -> None:
        super().remove(key)
        self._indexed = False

    def _index(self) -> _Nodes | None:
        if not self._indexed:
            self._nodes, self._indexed = _build(self), True
            self._every_first = self._nodes is not None and _every_first_pinned(self, self._nodes)
        return self._nodes

    def _get_keys_to_position_maps(self, doc: Doc) -> PositionMaps:
        top = roots(doc)
        nodes = self._index()
        maps: PositionMaps = {}
        if nodes is None:  # constraints the index does not read: spaCy's token Matcher
            for match_id, start, _end in self._matcher(doc):
                maps.setdefault(top[start], defaultdict(list))[match_id].append(start)
            return maps
        rows = doc.to_array([*_COLUMNS, "IDX"]).tolist() if len(doc) else []
        pins = flags(doc, nodes.pin, [r[-1] for r in rows]) if nodes.pin else [False] * len(rows)
        wanted = {top[i] for i, pinned in enumerate(pins) if pinned}
        every_first = self._every_first
        for i, row in enumerate(rows):
            if every_first and top[i] not in wanted:
                continue  # no first node can match in this tree: no match there
            for key in nodes.matched(row, pins[i]):
                maps.setdefault(top[i], defaultdict(list))[key].append(i)
        return maps


def _every_first_pinned(matcher: IndexedDependencyMatcher, nodes: _Nodes) -> bool:
    return nodes.pin is not None and all(
        keys[0] in nodes.pinned_keys
        for per_key in matcher._tokens_to_key.values()
        for keys in per_key
    )


def _build(matcher: IndexedDependencyMatcher) -> _Nodes | None:
    """The index of the matcher's node patterns; None if one has a constraint it cannot read."""
    nodes = _Nodes()
    for key, patterns in matcher._patterns.items():
        for pattern, node_keys in zip(patterns, matcher._tokens_to_key[key], strict=True):
            for (spec,), node_key in zip(pattern, node_keys, strict=True):
                if not nodes.add(matcher.vocab, node_key, spec):
                    return None
    return nodes
