"""A demonstration's grievance: a harm word told as what the crowd protests ('over the death of
a student', 'demanding justice for a youth who was killed') harmed no demonstrator, and a
response the crowd demands ('demanded that the governor intervene') was not made
(data/en/strategic.json grievance_words)."""

from __future__ import annotations

import re

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


def protested_act(doc: Doc, trigger: Span) -> bool:
    """A violent act told in a demonstration's sentence as what the crowd protests, not as
    its deed: under a grievance word ('against the bulldozing of homes'; 'demanded the
    closure of the quarry after a bridge was destroyed': a clause under the demand or its
    preposition, not 'protested and burned the station', the crowd's second act), or a
    participle that describes a thing ('the recovery of stolen goods')."""
    if grievance(doc, trigger):  # parses the sentence
        return True
    token = parsed_token(doc, trigger)
    if token is None:
        return False
    end = token.idx + len(trigger.text)
    while token.head.i != token.i and token.idx <= token.head.idx < end:
        token = token.head  # 'a bridge was destroyed': the act is the span's head, its verb
    # 'demanded a school after it was destroyed', 'protested for demolishing their stalls'
    clause = token.dep_ in ("advcl", "pcomp") and _opens(token.head, cues().grievance_words)
    return token.dep_ == "amod" or clause


WARNING_SPAN = 30
"""Characters after a shooting word in which a warning phrase aims it at no one."""


def aimed_at_no_one(trigger: Span) -> bool:
    """'Police shot in the air', 'fired warning shots': a shooting at no one (data/en/
    strategic.json warning_fire) harms no protester."""
    after = trigger.doc.text[trigger.end_char : trigger.end_char + WARNING_SPAN].lower()
    after = after[: max(0, trigger.sent.end_char - trigger.end_char)]
    return any(
        re.search(rf"^\W*(?:\w+\W+){{0,2}}{re.escape(w)}\b", after) for w in cues().warning_fire
    )


GRIEVANCE_SPAN = 6
"""Tokens before a harm word in which a grievance word makes it what is protested."""


def harm_protested(trigger: Span) -> bool:
    """'protested over the death of a student', 'demanding justice for a man who was killed':
    the harm is what the crowd protests (data/en/strategic.json grievance_words: a word that
    governs the harm word in the parse, or one just before it in its clause), not force used
    on the protesters."""
    words = cues().grievance_words
    token = parsed_token(trigger.doc, trigger)
    if token is not None and any(a.lower_ in words or a.lemma_ in words for a in token.ancestors):
        return True
    doc = trigger.doc
    first = max(trigger.sent.start, trigger.start - GRIEVANCE_SPAN)
    for before in reversed(doc[first : trigger.start]):
        if before.is_punct:
            return False
        if before.lower_ in words or before.lemma_ in words:
            return True
    return False
