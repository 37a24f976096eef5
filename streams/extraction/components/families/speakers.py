"""Who speaks for a state: 'Kenyan officials', 'the Chadian foreign ministry' (a demonym on a
noun of data/en/speakers.json) speak for Kenya and Chad (codebook rules 2 and 7); and one
verbal act by several speakers ('A, B and C condemned X') is one event per speaker."""

from __future__ import annotations

from spacy.tokens import Token

from streams.extraction.components.families.cuefile import CueFile, load
from streams.extraction.components.roles import RoleHit


class SpeakerCues(CueFile):
    officials: frozenset[str]
    standing: frozenset[str]


def standing_position(token: Token) -> bool:
    """'X has accused Y of ...': a charge in the present perfect is a standing position."""
    if token.lemma_.lower() not in load(SpeakerCues, "speakers.json").standing:
        return False
    return any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ") for c in token.children
    )


def speaks_for_state(hit: RoleHit) -> bool:
    """The speaker phrase's head is a noun of officials or a state body."""
    words = hit.text.lower().split()
    head = words[-1] if words else ""
    officials = load(SpeakerCues, "speakers.json").officials
    return head in officials or head.rstrip("s") in officials or head[:-3] + "y" in officials
