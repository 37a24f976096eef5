"""streams_lemmas: a lookup lemma for the trigger words on the cheap (unparsed) pass, so that a
Matcher pattern on LEMMA "kill" covers kills / killed / killing without running the model."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, cast

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from streams.extraction.components.data import families, inflections


def _regular(lemma: str) -> set[str]:
    """kill -> kills, killed, killing; seize -> seized, seizing; clash -> clashes."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    plural = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        plural = lemma[:-1] + "ies"
        return {plural, lemma[:-1] + "ied", lemma + "ing"}
    return {plural, stem + "ed", stem + "ing"}


def _lemmas_in(pattern: list[dict[str, Any]]) -> set[str]:
    out: set[str] = set()
    for token in pattern:
        value = token.get("LEMMA")
        if isinstance(value, str):
            out.add(value)
        elif isinstance(value, dict):
            out.update(value.get("IN", []))
    return out


@lru_cache(maxsize=1)
def form_table() -> dict[str, str]:
    """Lower-cased word form -> lemma, for every LEMMA a trigger pattern names."""
    lemmas: set[str] = set()
    for family in families():
        for trigger in family.triggers:
            lemmas |= _lemmas_in(trigger.pattern)
    irregular = inflections().irregular
    table: dict[str, str] = {}
    for lemma in sorted(lemmas):
        for form in {lemma, *_regular(lemma), *irregular.get(lemma, [])}:
            table.setdefault(form, lemma)
    return table


@lru_cache(maxsize=1)
def happening_nouns() -> frozenset[str]:
    """The noun forms that name a violent happening: the one-word triggers of the conflict
    types' families (not the families that only add counts), as the lemma, its plural, its
    '-ing' noun and that noun's plural ('attack', 'raids', 'shooting', 'killings'); no past
    forms, which tell an act, not name a happening."""
    from streams.extraction import spec
    from streams.extraction.components.triggers import COUNT_ONLY

    conflict = spec.types_in("conflict")
    words: set[str] = set()
    for family in families():
        if family.name in COUNT_ONLY:
            continue
        for trigger in family.triggers:
            if len(trigger.pattern) == 1 and trigger.event_type in conflict:
                words |= _lemmas_in(trigger.pattern) | _lowers_in(trigger.pattern)
    nouns = {
        form
        for form, lemma in form_table().items()
        if lemma in words and (form == lemma or form.endswith(("s", "ing")))
    }
    nouns |= {w for w in words if not w.endswith("ed")}  # the LOWER words as written
    return frozenset(nouns | {f + "s" for f in nouns if f.endswith("ing")})


def _lowers_in(pattern: list[dict[str, Any]]) -> set[str]:
    value = pattern[0].get("LOWER")
    return set(value.get("IN", [])) if isinstance(value, dict) else set()


class LookupLemmas:
    """token.lemma_ = the form table's lemma of token.lower_ (else token.lower_), set as one
    array: the lemma id of each lower-case id is looked up once per process."""

    def __init__(self) -> None:
        self.lemma_ids: dict[int, int] = {}  # LOWER id -> LEMMA id

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        known = self.lemma_ids
        lowers = cast(list[int], doc.to_array(["LOWER"]).reshape(-1).tolist())
        lemmas = [known[i] if i in known else self._lemma_id(doc, i) for i in lowers]
        doc.from_array(["LEMMA"], cast(Ints2d, np.array(lemmas, dtype=np.uint64).reshape(-1, 1)))
        return doc

    def _lemma_id(self, doc: Doc, lower: int) -> int:
        strings = doc.vocab.strings
        form = strings[lower]
        lemma = strings.add(form_table().get(form, form))
        if len(self.lemma_ids) > _MAX_KNOWN:
            self.lemma_ids.clear()
        self.lemma_ids[lower] = lemma
        return lemma


_MAX_KNOWN = 20_000
"""Lower-case forms remembered (a bound on memory; past it the table starts again)."""


@Language.factory("streams_lemmas", assigns=["token.lemma"])
def make_lemmas(nlp: Language, name: str) -> LookupLemmas:
    return LookupLemmas()
