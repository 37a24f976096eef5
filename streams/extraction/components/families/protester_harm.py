"""Force on demonstrators told as a one-sided act (docs/codebook.md 'Protest with
intervention vs excessive force'): 'security forces shot and killed a protester', 'police
fired live bullets at students demonstrating': an attack whose victims are demonstrators (a
demonstration cue of data/en/triggers/protests.jsonl inside a victim or target phrase of the
act, or right after it) and whose doer is the state's forces or unnamed is excessive force
against protesters, not an attack on civilians. Demonstrators who do the act ('protesters
attacked a guard') are the riot rules'; gunmen of an armed group shooting a protester are an
attack."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from streams.extraction.components.annotation import annotated
from streams.extraction.components.roles import RoleHit
from streams.extraction.components.sides import state_side

EXCESSIVE = "excessive_force_against_protesters"
HARMS = frozenset({"attack_on_civilians", "armed_clash"})
VICTIM_ROLES = frozenset({"victims", "single_victim", "target", "injured"})
DEMONSTRATORS = "protests.crowd"


def protesters_harmed(doc: Doc, best: Span, hits: list[RoleHit], kind: str) -> str:
    """EXCESSIVE where the act of type kind (an attack or a fight) harms demonstrators, else
    kind."""
    if kind not in HARMS:
        return kind
    span = (best.start_char, best.end_char)
    own = [h for h in hits if h.trigger == span]
    ann = annotated(doc)
    if any(h.role == "initiator" and not state_side(ann, h) for h in own):
        return kind  # a crowd, an armed group or a person did it
    cues = [
        t
        for t in doc.spans.get("triggers", [])
        if t._.pattern.id == DEMONSTRATORS and t.sent.start == best.sent.start
    ]
    victims = [h for h in own if h.role in VICTIM_ROLES]
    harmed = any(h.phrase[0] <= t.start_char <= h.phrase[1] + 1 for h in victims for t in cues)
    return EXCESSIVE if harmed else kind
