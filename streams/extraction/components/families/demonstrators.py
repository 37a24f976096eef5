"""Doers named by the demonstration they take part in ('the bandh enforcers', 'pro-blockade
activists', 'strike supporters'): their phrase holds a protests trigger (a strike, a shutdown,
a blockade, a protest). ACLED codes their violence, property torched during a strike included,
as a violent demonstration: the doers are demonstrators, whatever their head noun."""

from __future__ import annotations

from spacy.tokens import Doc

from streams.extraction.components.roles import RoleHit
from streams.extraction.components.triggers import family_of


def demonstrators(doc: Doc, hits: list[RoleHit]) -> bool:
    """An initiator phrase among `hits` holds a trigger of the protests family."""
    cues = [
        t.start_char
        for t in doc.spans.get("triggers", [])
        if family_of(t._.pattern.id) == "protests"
    ]
    return any(
        h.phrase[0] <= start < h.phrase[1] for h in hits if h.role == "initiator" for start in cues
    )
