"""streams_lemmas: a lookup lemma for the trigger words on the cheap (unparsed) pass, so that a
Matcher pattern on LEMMA "kill" covers kills / killed / killing without running the model."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

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


class LookupLemmas:
    def __call__(self, doc: Doc) -> Doc:
        table = form_table()
        for token in doc:
            token.lemma_ = table.get(token.lower_, token.lower_)
        return doc


@Language.factory("streams_lemmas", assigns=["token.lemma"])
def make_lemmas(nlp: Language, name: str) -> LookupLemmas:
    return LookupLemmas()
