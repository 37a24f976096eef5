"""streams_triggers: Matcher patterns of every family (data/en/triggers/*.jsonl) over the
tokens (LOWER, and LEMMA from streams_lemmas) -> doc.spans["triggers"].

Each pattern runs only on windows around the tokens every one of its matches contains
(components/windows.py): the same triggers at a fraction of the Matcher's cost."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import filter_spans
from spacy.vocab import Vocab

from streams.extraction.components.data import TriggerPattern, families
from streams.extraction.components.windows import KeywordMatcher

COUNT_ONLY = frozenset({"casualties"})
"""Families whose triggers only add counts to an event found by another family's trigger."""

if not Span.has_extension("pattern"):
    Span.set_extension("pattern", default=None)


@lru_cache(maxsize=1)
def patterns_by_id() -> dict[str, TriggerPattern]:
    return {t.id: t for family in families() for t in family.triggers}


@lru_cache(maxsize=1)
def _families_by_pattern() -> dict[str, str]:
    return {t.id: family.name for family in families() for t in family.triggers}


def family_of(pattern_id: str) -> str:
    """The family (patterns file) a trigger pattern comes from."""
    return _families_by_pattern()[pattern_id]


TriggerRow = tuple[Span, TriggerPattern, str]


def trigger_rows(doc: Doc) -> list[TriggerRow]:
    """(span, pattern, family) of each of the doc's triggers, in their order: their patterns
    and families are read once per trigger group, not on every pass over them. (The spans
    are the group's own, made anew on each call: kept on the doc, they would tie it into a
    reference cycle that only the garbage collector frees.)"""
    group = doc.spans.get("triggers")
    if group is None:
        return []
    kinds = _kinds(doc, group)
    return [(t, pattern, family) for t, (pattern, family, _s, _e) in zip(group, kinds, strict=True)]


def trigger_places(doc: Doc) -> list[tuple[int, int, str]]:
    """(start_char, end_char, family) of each of the doc's triggers, in their order, read
    once per trigger group (no Span is made)."""
    group = doc.spans.get("triggers")
    if group is None:
        return []
    return [(start, end, family) for _p, family, start, end in _kinds(doc, group)]


def family_triggers(doc: Doc, names: frozenset[str]) -> list[tuple[Span, int]]:
    """(span, start_char) of the doc's triggers of the named families, in their order: a Span
    is made only for those."""
    group = doc.spans.get("triggers")
    if group is None:
        return []
    kinds = _kinds(doc, group)
    return [(group[i], row[2]) for i, row in enumerate(kinds) if row[1] in names]


def _kinds(doc: Doc, group: SpanGroup) -> list[tuple[TriggerPattern, str, int, int]]:
    """(pattern, family, start_char, end_char) of each trigger of the group, cached per group."""
    cached = doc.user_data.get("trigger_rows")
    if cached is None or cached[0] is not group:
        found = [(t._.pattern, family_of(t._.pattern.id), t.start_char, t.end_char) for t in group]
        cached = doc.user_data["trigger_rows"] = (group, found)
    kinds: list[tuple[TriggerPattern, str, int, int]] = cached[1]
    return kinds


class Triggers:
    def __init__(self, vocab: Vocab) -> None:
        self.matcher = KeywordMatcher(vocab, {p.id: p.pattern for p in patterns_by_id().values()})

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            pattern = patterns_by_id()[doc.vocab.strings[match_id]]
            span = Span(doc, start, end, label=pattern.emitted_type())
            span._.pattern = pattern
            spans.append(span)
        doc.spans["triggers"] = filter_spans(spans)
        return doc


@Language.factory("streams_triggers", assigns=["doc.spans", "span._.pattern"])
def make_triggers(nlp: Language, name: str) -> Triggers:
    return Triggers(nlp.vocab)
