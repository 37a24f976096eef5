"""Which side a legacy actor is on, when the parse says otherwise.

The legacy rules read an attacker from the actors before a trigger; in a passive clause that
is the side acted upon ('Nigerian soldiers were ambushed by militants': the soldiers are the
target, the militants the attacker). Where the parse puts an actor the legacy rules named
inside a phrase of the other side (a passive subject, an object, the victims; or a by-agent,
a subject) and inside none of its own, the parse's side wins. An attacker named only by an
armed word ('militants', 'gunmen') then fills the emptied side (sides.unnamed_sides).
An actor the act is laid to ('an attack blamed on X', 'carried out by X': data/en/
attribution.json) is its doer."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from streams.extraction.annotate import Annotated
from streams.extraction.components.families.cuefile import CueFile, load
from streams.extraction.components.roles import RoleHit
from streams.extraction.components.sides import unnamed_sides
from streams.extraction.extractors.common import Proto
from streams.schemas import Actor

_SIDE = {
    "initiator": "initiator",
    "target": "target",
    "victims": "target",
    "single_victim": "target",
}
_OTHER = {"initiator": "target", "target": "initiator"}


class Attribution(CueFile):
    lemmas: frozenset[str]
    preps: frozenset[str]


def _token_at(doc: Doc, at: int) -> Token | None:
    """The parsed token holding character at of the article (None when its sentence is not
    parsed)."""
    for start, parsed in (doc._.parses or {}).items():
        if start <= at < start + len(parsed.text):
            return next((t for t in parsed if t.idx <= at - start < t.idx + len(t)), None)
    return None


def laid_to(doc: Doc, start: int, end: int) -> bool:
    """The words start..end are the object of an attribution ('an attack blamed on X')."""
    cues = load(Attribution, "attribution.json")
    token = _token_at(doc, end - 1)
    while token is not None and token.dep_ in ("conj", "compound", "amod", "det"):
        token = token.head  # 'blamed on X and Y', 'claimed by the X group'
    if token is None or token.dep_ != "pobj" or token.head.lower_ not in cues.preps:
        return False
    verb = token.head.head
    return verb.pos_ == "VERB" and verb.tag_ == "VBN" and verb.lemma_.lower() in cues.lemmas


def _sides_at(start: int, end: int, hits: list[RoleHit]) -> set[str]:
    """The sides of the role phrases that hold the words start..end."""
    held = [h for h in hits if h.role in _SIDE and h.phrase[0] <= start and end <= h.phrase[1]]
    return {_SIDE[h.role] for h in held}


def _parsed_side(doc: Doc, actor: Actor, hits: list[RoleHit]) -> str | None:
    """The side the parse gives an actor read from the text when it differs from its own."""
    if actor.start is None or actor.end is None or actor.role not in _OTHER:
        return None
    other = _OTHER[actor.role]
    if actor.role == "target" and laid_to(doc, actor.start, actor.end):
        return other
    return other if _sides_at(actor.start, actor.end, hits) == {other} else None


def parsed_sides(doc: Doc, ann: Annotated, proto: Proto, hits: list[RoleHit]) -> None:
    """Move each actor read from the text whose words the parse gives only to the other side,
    or that the act is laid to; an implied side ('the country where it happened') yields to
    the one moved there; an emptied attacker's side takes an unnamed armed group the parse
    names there."""
    moved = [(i, side) for i, a in enumerate(proto.actors) if (side := _parsed_side(doc, a, hits))]
    if not moved:
        return
    for index, side in moved:
        proto.actors[index] = proto.actors[index].model_copy(update={"role": side})
    read = {(a.role, a.name) for a in proto.actors if a.start is not None}
    proto.actors = [a for a in proto.actors if a.start is not None or (a.role, a.name) not in read]
    if proto.role("initiator"):
        return
    doers = [h for h in hits if h.role == "initiator"]
    # coded with the country where it acted, as the legacy rules code 'gunmen' (ACLED does)
    country = next((p.country for p in proto.locations if p.country), None)
    proto.actors += [
        a.model_copy(update={"country": a.country or country})
        for a in unnamed_sides(ann, doers)
        if a.role == "initiator"
    ]
