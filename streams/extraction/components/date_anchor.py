"""Dates a sentence gives to something other than its act: the parse ties them elsewhere.

'Residents protested ahead of the elections on 3 August', 'to protest the June 9 encounter',
'relatives of a man who disappeared on August 17 marched': the date belongs to a noun that is
not the act (a thing scheduled or remembered, data/en/date_words.json background_nouns, or any
noun other than the trigger the date stands before), or to the verb of a clause of its own
(a relative, adverbial or complement clause) that does not hold the trigger. Such a date
neither dates the event nor makes it stale; the event is dated as if the sentence stated none.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from streams.extraction.annotate import Annotated, Sentence
from streams.extraction.components.annotation import annotated
from streams.extraction.date_words import alternation, date_words
from streams.extraction.extractors.common import Proto
from streams.extraction.extractors.timing import event_date
from streams.extraction.nlp import parse_spans

_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "pcomp"})
"""Dependency labels that open a clause with a verb of its own ('who disappeared on ...')."""
_BEFORE_NOUN = frozenset({"compound", "nmod", "amod"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_VERBS = frozenset({"VERB", "AUX"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
OPENING = 3
"""A date starting within the sentence's first tokens opens it ('On 3 May, ...')."""


@cache
def _background_nouns() -> frozenset[str]:
    return frozenset(date_words().background_nouns)


@cache
def _vague() -> re.Pattern[str]:
    return re.compile(alternation(date_words().vague_past), re.IGNORECASE)


@cache
def _simultaneous() -> frozenset[str]:
    return frozenset(date_words().simultaneous_marks)


@cache
def _within() -> frozenset[str]:
    return frozenset(w for w in date_words().within_happening if " " not in w)


def redate(doc: Doc, protos: list[Proto]) -> None:
    """Events dated by a date of the sentence tied to another noun or clause take the date
    the sentence gives otherwise (extractors/timing.py event_date, those dates set aside)."""
    ann = annotated(doc)
    for proto in protos:
        if not proto.date_explicit or proto.when.text is None:
            continue
        sent = proto.sentence
        skip = background_dates(doc, ann, sent, proto.trigger)
        picked = {m.start for m in ann.dates if sent.start <= m.start < sent.end}
        picked &= {m.start for m in ann.dates if m.text == proto.when.text}
        if picked and picked <= skip:
            # event_date reads the text's dates: those set aside are not among them
            kept = replace(ann, dates=[m for m in ann.dates if m.start not in skip])
            proto.when, proto.date_explicit = event_date(kept, sent, proto.trigger[0])


def background_dates(
    doc: Doc, ann: Annotated, sent: Sentence, trigger: tuple[int, int]
) -> frozenset[int]:
    """The start offsets of the sentence's dates that date something other than the trigger
    (none when the sentence has no parse)."""
    span = doc.char_span(*trigger, alignment_mode="expand")
    if span is None:
        return frozenset()
    parsed, base = _parse_of(doc, span.sent), span.sent.start_char
    act = parsed.char_span(trigger[0] - base, trigger[1] - base, alignment_mode="expand")
    if act is None:
        return frozenset()
    skip = set()
    for mention in ann.dates:
        if not (sent.start <= mention.start < sent.end and base <= mention.start):
            continue
        if _vague().fullmatch(mention.text):
            continue  # 'recently' dates no day: left to event_date
        date = parsed.char_span(mention.start - base, mention.end - base, alignment_mode="expand")
        if date is None or _overlaps(date, act) or _framing(date):
            continue
        if _other_noun(date, act) or _other_clause(date.root, act):
            skip.add(mention.start)
    return frozenset(skip)


def _parse_of(doc: Doc, sent: Span) -> Doc:
    """The sentence's parse: streams_parse's, else one made here and kept with the doc (not in
    doc._.parses, which tells the other components which sentences they read)."""
    parsed: Doc | None = (doc._.parses or {}).get(sent.start_char)
    if parsed is None:
        made: dict[int, Doc] = doc.user_data.setdefault("date_parses", {})
        if sent.start_char not in made:
            made[sent.start_char] = parse_spans([sent])[0]
        parsed = made[sent.start_char]
    return parsed


def _overlaps(span: Span, trigger: Span) -> bool:
    return span.start < trigger.end and trigger.start < span.end


def _framing(date: Span) -> bool:
    """'On Saturday, ...', 'Around 28 December 2020 (as reported), ...', '... at 7 am (03/02)':
    a date opening the sentence or standing in brackets dates the sentence's act."""
    before = date.doc[date.start - 1].text if date.start else ""
    return date.start <= OPENING or before in ("(", "[")


def _other_noun(span: Span, trigger: Span) -> bool:
    """'the elections on 3 August', 'the August 3 elections' (a noun of a thing scheduled or
    remembered), 'to protest the June 9 encounter' (a date before the act's object)."""
    root, head = span.root, span.root.head
    if root.dep_ in _BEFORE_NOUN and head.pos_ in _NOUNS and head.i >= span.end:
        noun = head
        own = noun.dep_ == "dobj" and trigger.start <= noun.head.i < trigger.end
    elif root.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in _NOUNS:
        noun, own = head.head, False
    else:
        return False
    if not own and noun.lemma_.lower() not in _background_nouns():
        return False
    if trigger.start <= noun.i < trigger.end:
        return False
    # 'clashes during the August 3 elections': the act is told within the thing the date dates
    return not (noun.dep_ == "pobj" and noun.head.lower_ in _within())


def _other_clause(token: Token, trigger: Span) -> bool:
    """The date sits in a clause of its own ('who disappeared on August 17') that does not hold
    the trigger: it dates that clause's verb."""
    while token.head.i != token.i:
        # a clause of its own names its subject ('who disappeared'); a participle with none
        # ('two gunmen on a motorbike hurled ...', misread) may be the act itself
        subject = any(c.dep_ in _SUBJECTS for c in token.children)
        if token.dep_ in _CLAUSES and token.pos_ in _VERBS and subject:
            if token.left_edge.i <= trigger.root.i <= token.right_edge.i:
                return False
            # 'a hartal called for today', 'the Merger Agreement signed on ...': a clause on
            # the trigger's noun phrase tells of the act itself
            if token.head.left_edge.i <= trigger.root.i <= token.head.i:
                return False
            # 'while people slept on 07/07': a clause told at the act's time
            marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
            return not marks & _simultaneous()
        token = token.head
    return False
