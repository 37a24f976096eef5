"""One happening, not two: a sentence that only refers back to an attack told before.

'A bomb exploded near a church on Sunday, killing four. Police attribute the bombing to the
rebels.' The second sentence names no new attack: its every attack word is made definite
('the bombing', 'this attack', data/en/references.json) and it gives no toll. It is the same
happening, so it makes no event of its own; the perpetrator it names (an attribution, a blame,
a claim: roles `*.attributed_to`, `*.blamed_for`, `*.claimed_by`) becomes the initiator of the
attack it refers to when that has none."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from streams.extraction.components.annotation import annotated
from streams.extraction.components.families.conflict import (
    _referent,
    mentions,
    references,
)
from streams.extraction.components.roles import RoleHit
from streams.extraction.components.triggers import COUNT_ONLY, family_of
from streams.extraction.extractors.common import Proto, actor_of


def folded(
    doc: Doc, base: Proto, *, triggers: list[Span], hits: list[RoleHit], out: list[Proto]
) -> bool:
    """The sentence's legacy event is a reference to the attack told before: folded into it."""
    attacks = [t for t in triggers if family_of(t._.pattern.id) not in COUNT_ONLY]
    if not attacks or not all(_definite_noun(doc, t) for t in attacks):
        return False
    if base.killed is not None or base.injured is not None:
        return False
    referent = _referent(out)
    if referent is None or referent.sentence.index >= base.sentence.index:
        return False
    if not referent.role("initiator"):
        ann = annotated(doc)
        named = [m for h in hits if h.role == "initiator" for m in mentions(ann, h.phrase)]
        if named:
            referent.actors.insert(0, actor_of(named[0], "initiator"))
    return True


def _definite_noun(doc: Doc, trigger: Span) -> bool:
    """'the bombing', 'this attack': the attack noun itself takes the determiner ('its forces
    exchanged fire' is no reference: the determiner is the subject's)."""
    determiners = references().determiners
    parsed = (doc._.parses or {}).get(trigger.sent.start_char)
    if parsed is None:
        before = doc[trigger.start - 1] if trigger.start > trigger.sent.start else None
        return before is not None and before.lower_ in determiners
    offset = trigger.start_char - trigger.sent.start_char
    token = next((t for t in parsed if t.idx == offset), None)
    if token is None or token.pos_ != "NOUN":
        return False
    # "Tuesday's attack", "last week's bombing": a day's happening, as definite as 'the attack'
    days = references().time_possessors
    return any(
        (c.dep_ in ("det", "poss") and c.lower_ in determiners)
        or (c.dep_ == "poss" and c.lower_ in days)
        for c in token.children
    )
