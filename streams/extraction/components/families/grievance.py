"""A demonstration's grievance: a harm word told as what the crowd protests ('over the death of
a student', 'demanding justice for a youth who was killed') harmed no demonstrator, and a
response the crowd demands ('demanded that the governor intervene') was not made
(data/en/strategic.json grievance_words)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from streams.extraction.components.families.base import cues
from streams.extraction.components.families.summaries import parsed_token
from streams.extraction.components.families.verbal import parse_sentences

# the edges by which a word hangs under what opens the grievance: its object or the phrase
# it governs, not a clause of its own ('protested after police shot a student': advcl)
UNDER = frozenset({"dobj", "pobj", "prep", "acl", "relcl", "amod", "xcomp", "ccomp"})


def _opens(token: Token, words: frozenset[str]) -> bool:
    if token.lemma_.lower() in words or token.lower_ in words:
        return True
    return any(c.dep_ == "compound" and c.lower_ in words for c in token.children)


def grievance(doc: Doc, trigger: Span) -> bool:
    """The word is under a word of the demonstration's cause or demand (its sentence is parsed
    here when streams_parse did not: a demonstration with a harm word is rare)."""
    words = cues().grievance_words
    parse_sentences(doc, [trigger.sent])
    node = parsed_token(doc, trigger)
    while node is not None and node.head.i != node.i:
        if node.dep_ in UNDER and _opens(node.head, words):
            return True
        node = node.head
    return False
