"""Arrests on engine v2: the legacy arrest rules find them, the syntax of their sentence judges
whether an arrest is told as a happening.

Not a happening (the words named are the cues of data/en/arrests.json):
- an arrest named by a noun with no one arrested and no act of making it: "arbitrary arrests
  are unacceptable", "his client's arrest was a warning", "in pretrial detention since May";
  kept: "the arrest of five men", "were taken into custody", "police made two arrests";
- an infinitive with no modal: "a notice asks police to find and arrest a person";
- an adjective: "detained migrants' centres";
- a relative clause on a pronoun: "everybody knows somebody who has been arrested";
- a running total: "police have arrested 2,400 people since February 1".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from streams.extraction.components.families.cuefile import CueFile, load
from streams.extraction.components.families.verbal import _parse, _token
from streams.extraction.extractors.common import Proto


class ArrestCues(CueFile):
    into: frozenset[str]
    making: frozenset[str]
    span: frozenset[str]
    lemmas: frozenset[str]


def reported_arrests(doc: Doc, protos: list[Proto]) -> list[Proto]:
    """The legacy arrests whose trigger the sentence's syntax tells as a happening."""
    if not protos:
        return protos
    sents = {}
    for proto in protos:
        span = doc.char_span(*proto.trigger, alignment_mode="expand")
        if span is not None:
            sents[span.sent.start_char] = span.sent
    _parse(doc, list(sents.values()))
    out = []
    for proto in protos:
        span = doc.char_span(*proto.trigger, alignment_mode="expand")
        start = span.sent.start_char if span is not None else -1
        parsed = doc._.parses.get(start)
        token = _token(parsed, start, proto.trigger[0]) if parsed is not None else None
        if token is None or parsed is None:
            out.append(proto)
            continue
        lemmas = load(ArrestCues, "arrests.json").lemmas
        words = [token, *(t for t in parsed if t.lemma_.lower() in lemmas and t is not token)]
        if not all(_unreported(t) for t in words):
            out.append(proto)
    return out


def _unreported(token: Token) -> bool:
    found = load(ArrestCues, "arrests.json")
    if token.pos_ == "ADJ" or token.dep_ == "amod":
        return True
    if token.tag_ == "VB":
        # an infinitive ('to find and arrest'), not a modal's verb ('will arrest') nor a
        # headline present tagged as a base form ('Police arrest 50 suspects')
        heads = [token, token.head] if token.dep_ == "conj" else [token]
        children = [c for h in heads for c in h.children]
        return any(c.tag_ == "TO" for c in children) and not any(c.tag_ == "MD" for c in children)
    if token.dep_ == "relcl" and token.head.pos_ == "PRON":
        return True
    if any(c.dep_ in ("prep", "mark") and c.lower_ in found.span for c in token.children):
        return True  # 'have arrested 2,400 people since February 1': a running total
    if token.pos_ != "NOUN":
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return False
    if any(c.dep_ == "dobj" for c in token.children):
        return False  # 'Police arrest 50 suspects' parsed as a noun with an object: a verb
    head = token.head
    if head.pos_ == "ADP" and head.lower_ in found.into:
        return False  # 'taken into custody', 'placed under arrest'
    return not (head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in found.making)
