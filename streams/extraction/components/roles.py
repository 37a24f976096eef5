"""streams_roles: DependencyMatcher patterns (data/en/roles/*.jsonl) over the parsed trigger
sentences -> doc._.roles, one RoleHit per (trigger, role, phrase). Coordinated phrases
("militants attacked X and Y") and appositions ("X, a village in Y") give one hit each.

Speed: one DependencyMatcher per family, and each pattern's trigger node is pinned to the
triggers' own tokens (a token extension set for the call; one call for all the triggers of a
family in a sentence), so the matcher never enumerates the trees anchored elsewhere that
roles_of would drop: the same hits in the same order."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict
from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from streams.extraction.components.annotation import doc_text
from streams.extraction.components.data import DATA, RolePattern, families
from streams.extraction.components.depmatch import IndexedDependencyMatcher
from streams.extraction.components.triggers import family_of, trigger_places, trigger_rows

if not Doc.has_extension("roles"):
    Doc.set_extension("roles", default=None)
ANCHOR = "streams_role_anchor"
if not Token.has_extension(ANCHOR):
    Token.set_extension(ANCHOR, default=False)

_EXPAND = frozenset({"conj", "appos"})
_CLAUSES = frozenset({"VERB", "AUX"})


@dataclass(frozen=True, slots=True)
class RoleHit:
    """A role of one trigger, in article character offsets."""

    trigger: tuple[int, int]
    role: str
    pattern: str
    head: tuple[int, int]  # the phrase's head word
    phrase: tuple[int, int]  # the head's whole phrase (its subtree)
    text: str
    base: int = -1  # the matched head's offset: its conjuncts and appositions share it


@lru_cache(maxsize=1)
def role_patterns() -> dict[str, tuple[str, RolePattern]]:
    return {r.id: (f.name, r) for f in families() for r in f.roles}


def _anchored(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The pattern with its trigger node (the first) restricted to anchor tokens."""
    first = dict(pattern[0])
    attrs = dict(first.get("RIGHT_ATTRS", {}))
    attrs["_"] = {**attrs.get("_", {}), ANCHOR: True}
    first["RIGHT_ATTRS"] = attrs
    return [first, *pattern[1:]]


def _heads(token: Token) -> list[Token]:
    """The head and the phrases coordinated with or apposed to it."""
    out = [token]
    for child in token.children:
        if child.dep_ in _EXPAND and child.pos_ not in _CLAUSES:  # 'killed five and wounded 9'
            out.extend(_heads(child))
    return out


class _Partitives(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    about: str
    words: frozenset[str]


@lru_cache(maxsize=1)
def partitives() -> frozenset[str]:
    """data/en/partitives.json: amounts and parts of a group ('dozens', 'members')."""
    path = DATA / "partitives.json"
    return _Partitives.model_validate_json(path.read_text(encoding="utf-8")).words


_PARTITIVE_ROLES = frozenset({"initiator"})
"""Roles whose amount gives way to its people: the doer ('dozens of police officers beat a
man'); a victims phrase keeps its amount as its head (a vague toll is read from it)."""


def _of_people(token: Token) -> Token:
    """'dozens of police officers', 'a group of gunmen': the object of the amount's 'of' is
    the phrase's head (the people), not the amount."""
    if token.lower_ not in partitives():
        return token
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    people = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
    return people[0] if people and people[0].pos_ in ("NOUN", "PROPN") else token


def _phrase(token: Token) -> tuple[int, int]:
    """The head's own words: its left modifiers and itself, not its conjuncts or clauses."""
    left = min([token, *(t for t in token.lefts)], key=lambda t: t.i)
    start = min(t.idx for t in left.subtree) if left is not token else token.idx
    return start, token.idx + len(token)


class Roles:
    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.matchers: dict[str, DependencyMatcher] = {}
        for key, (family, pattern) in role_patterns().items():
            if family not in self.matchers:
                self.matchers[family] = IndexedDependencyMatcher(vocab, validate=True)
            matcher = self.matchers[family]
            matcher.add(key, [_anchored(pattern.pattern)])

    def __call__(self, doc: Doc) -> Doc:
        hits: list[RoleHit] = []
        parses: dict[int, Doc] = doc._.parses or {}
        for trigger, _pattern, _family in trigger_rows(doc):
            parsed = parses.get(trigger.sent.start_char)
            if parsed is not None:
                hits.extend(self.roles_of(trigger, parsed, trigger.sent.start_char))
        doc._.roles = hits
        return doc

    def roles_of(self, trigger: Span, parsed: Doc, offset: int) -> list[RoleHit]:
        """The role hits anchored on one trigger (parsed: its sentence, starting at offset)."""
        first = trigger.start_char - offset
        last = trigger.end_char - offset
        anchors = {i for i, idx in enumerate(_starts(parsed)) if first <= idx < last}
        own = family_of(trigger._.pattern.id)
        out = []
        text = doc_text(parsed)
        pinned = anchors | _family_anchors(trigger.doc, parsed, offset, own)
        for key, token_ids in self._matches(parsed, own, pinned):
            family, pattern = role_patterns()[key]
            if family != own or token_ids[0] not in anchors:
                continue
            if not _applies(pattern, trigger.label_, trigger._.pattern.event_type):
                continue
            matched = parsed[token_ids[-1]]
            if matched.i in anchors and matched.pos_ == "ADJ":
                continue  # a trigger's own adjective ("sexual" abuse) is none of its roles
            for amount in _heads(matched):
                head = _of_people(amount) if pattern.role in _PARTITIVE_ROLES else amount
                start, end = _phrase(amount)[0], head.idx + len(head)
                out.append(
                    RoleHit(
                        trigger=(trigger.start_char, trigger.end_char),
                        role=pattern.role,
                        pattern=pattern.id,
                        head=(head.idx + offset, head.idx + len(head) + offset),
                        phrase=(start + offset, end + offset),
                        text=text[start:end],
                        base=matched.idx + offset,
                    )
                )
        return out

    def _matches(self, parsed: Doc, family: str, anchors: set[int]) -> list[tuple[str, list[int]]]:
        """The family's matches whose trigger node is one of the anchors (cached per parse)."""
        matcher = self.matchers.get(family)
        if matcher is None or not anchors:
            return []
        cache = parsed.user_data.setdefault("role_matches", {})
        key = (family, frozenset(anchors))
        if key not in cache:
            for i in anchors:
                parsed[i]._.set(ANCHOR, True)
            try:
                cache[key] = [(self.vocab.strings[m], ids) for m, ids in matcher(parsed)]
            finally:
                for i in anchors:
                    parsed[i]._.set(ANCHOR, False)
        return list(cache[key])


def _family_anchors(doc: Doc, parsed: Doc, offset: int, family: str) -> frozenset[int]:
    """The tokens of every trigger of the family in the parsed sentence: one matcher call
    serves them all (roles_of keeps the matches of its own trigger)."""
    cache = parsed.user_data.setdefault("role_anchors", {})
    if family not in cache:
        end = offset + len(doc_text(parsed))
        spans = [
            (start - offset, stop - offset)
            for start, stop, own in _trigger_places(doc)
            if offset <= start < end and own == family
        ]
        cache[family] = frozenset(
            i for i, idx in enumerate(_starts(parsed)) if any(a <= idx < b for a, b in spans)
        )
    anchors: frozenset[int] = cache[family]
    return anchors


def _trigger_places(doc: Doc) -> list[tuple[int, int, str]]:
    """(start_char, end_char, family) of each trigger of the doc."""
    return trigger_places(doc)


def token_at(parsed: Doc, char: int) -> Token | None:
    """The parse's token that starts at a character of its text (None when none does)."""
    starts = _starts(parsed)
    i = bisect_left(starts, char)
    return parsed[i] if i < len(starts) and starts[i] == char else None


def tokens_within(doc: Doc, start: int, end: int) -> Span:
    """The doc's tokens that start at a character in start..end (token.idx), in order."""
    starts = _starts(doc)
    return doc[bisect_left(starts, start) : bisect_left(starts, end)]


def _starts(parsed: Doc) -> list[int]:
    """The parse's token start characters (token.idx), read once per parse."""
    starts: list[int] | None = parsed.user_data.get("token_starts")
    if starts is None:
        starts = [t.idx for t in parsed]
        parsed.user_data["token_starts"] = starts
    return starts


def _applies(pattern: RolePattern, *event_types: str) -> bool:
    return pattern.event_types == "*" or any(t in pattern.event_types for t in event_types)


@Language.factory("streams_roles", assigns=["doc._.roles"])
def make_roles(nlp: Language, name: str) -> Roles:
    return Roles(nlp.vocab)
