"""Who and what a conflict act was done to, as the typing of events/conflict_protos reads it:
the objects of the act as its victims, people taken rather than ground, a killing of unarmed
people with no fighting named, and which count of dead wins."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from streams.extraction.annotate import Annotated
from streams.extraction.components.families.victim_words import amount, civilian_victims, civilians
from streams.extraction.components.roles import RoleHit
from streams.schemas import Count


def acted_on(hits: list[RoleHit]) -> list[RoleHit]:
    """Everyone and everything the sentence's acts are done to ('attacked a priest', 'a
    suspect was killed in a raid', 'attacked and wounded two traders'), as victims: an untyped
    attack is one-sided only when they are all unarmed people ('attacked a gendarmerie
    school, killing 70 people' is not)."""
    return [replace(h, role="victims") if h.role in _ACTED_ON else h for h in hits]


_ACTED_ON = frozenset({"target", "injured"})


TERRITORY = frozenset({"territory_seized", "territory_regained"})


def took_people(ann: Annotated, hits: list[RoleHit]) -> bool:
    """What was captured is people ('captured one', 'captured three fighters'): its head is a
    number or a noun of people (data/en/civilians.json nouns and armed): no ground taken."""
    found = civilians()
    people = found.nouns | found.armed
    heads = [ann.text[h.head[0] : h.head[1]].lower() for h in hits if h.role == "target"]
    return bool(heads) and all(
        h.isdigit() or amount(h) is not None or h.removesuffix("s") in people or h in people
        for h in heads
    )


def larger(legacy: Count | None, syntax: Count | None) -> Count | None:
    """Syntax wins where it reads more dead than the legacy window ('killed 40 ...' where the
    legacy rules caught a part); else the legacy count stands (team sets: docs/engine.md)."""
    if syntax is None or (legacy is not None and syntax.value <= legacy.value):
        return legacy
    return syntax


TWO_SIDED = frozenset({"battles.clash", "battles.exchange_fire", "battles.fight"})


def one_sided(text: str, triggers: list[Span], hits: list[RoleHit], alone: bool = False) -> bool:
    """A killing of unarmed people ('soldiers killed two farmers') with no fighting named in
    the sentence: violence against civilians, not a battle (alone: no victim named is enough)."""
    if any(t._.pattern.id in TWO_SIDED for t in triggers):
        return False
    if alone and not any(h.role in ("victims", "single_victim") for h in hits):
        return True
    return civilian_victims(text, hits)
