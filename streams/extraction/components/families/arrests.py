"""Arrests on engine v2: the legacy arrest rules find them, the syntax of their sentence judges
whether an arrest is told as a happening.

Not a happening (the words named are the cues of data/en/arrests.json):
- an arrest named by a noun with no one arrested and no act of making it: "arbitrary arrests
  are unacceptable", "his client's arrest was a warning", "in pretrial detention since May";
  kept: "the arrest of five men", "were taken into custody", "police made two arrests";
- an infinitive with no modal: "a notice asks police to find and arrest a person";
- an adjective: "detained migrants' centres";
- a relative clause on a pronoun: "everybody knows somebody who has been arrested";
- a participle that describes uncounted people: "the release of political prisoners arrested
  during the campaign", "the case of a journalist arrested over his interviews" (kept: "300
  students arrested during rallies were moved");
- a running total: "police have arrested 2,400 people since February 1".

Who was arrested (the target) is read from the syntax when the legacy rules named no one or a
person outside the arrested phrase: the passive subject ("71 people were arrested"), the
object ("police arrested seven IS members") or "the arrest of X"; a named actor in that phrase,
else its head noun as a description of the arresting state's country ("People", "Suspects").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from streams.extraction.annotate import Annotated
from streams.extraction.components.annotation import annotated
from streams.extraction.components.families.base import new_proto
from streams.extraction.components.families.cuefile import CueFile, load
from streams.extraction.components.families.identified import cues as identification
from streams.extraction.components.families.identified import identified_person
from streams.extraction.components.families.verbal import _token, parse_sentences
from streams.extraction.components.families.victim_words import civilians
from streams.extraction.extractors.common import Proto, actor_of, status_for
from streams.extraction.extractors.unrest import ARREST
from streams.schemas import Actor


class ArrestCues(CueFile):
    into: frozenset[str]
    making: frozenset[str]
    span: frozenset[str]
    lemmas: frozenset[str]
    quantities: frozenset[str]
    target_kinds: frozenset[str]
    forces: frozenset[str] = frozenset()
    generic: frozenset[str] = frozenset()
    specific: frozenset[str] = frozenset()
    periods: frozenset[str]
    period_preps: frozenset[str]


def reported_arrests(doc: Doc, protos: list[Proto]) -> list[Proto]:
    """The legacy arrests whose trigger the sentence's syntax tells as a happening."""
    if not protos:
        return protos
    sents = {}
    for proto in protos:
        span = doc.char_span(*proto.trigger, alignment_mode="expand")
        if span is not None:
            sents[span.sent.start_char] = span.sent
    parse_sentences(doc, list(sents.values()))
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
            _arrested(annotated(doc), proto, token, start)
            _arrester(annotated(doc), proto, token, start)
            out.append(proto)
    return out


def forces_arrests(doc: Doc, told: set[int]) -> list[Proto]:
    """Arrests the legacy rules left unnamed ('Police arrested 59 officials' in a text that
    names no country, so no state to make the arrests): an arrest verb whose subject is a
    force (data/en/arrests.json forces) and whose object names someone, in a sentence that
    tells no arrest yet. The force is the arrester; who was arrested is read as for every
    arrest (reported_arrests)."""
    ann = annotated(doc)
    found = load(ArrestCues, "arrests.json")
    out: list[Proto] = []
    for trigger in doc.spans.get("triggers", []):
        sent = next((s for s in ann.sentences if s.start <= trigger.start_char < s.end), None)
        if sent is None or sent.index in told or trigger[0].lemma_ not in found.lemmas:
            continue
        parse_sentences(doc, [trigger.sent])
        parsed = doc._.parses[trigger.sent.start_char]
        token = _token(parsed, trigger.sent.start_char, trigger.start_char)
        force = _forces_subject(token, found) if token is not None else None
        status = status_for(sent, trigger.start_char - sent.start, trigger.end_char - sent.start)
        if force is None or status is None:
            continue
        proto = new_proto(ann, sent, trigger, [], ARREST)
        proto.event_type, proto.status = "arrest", status
        if not proto.role("initiator"):
            name = force.text[:1].upper() + force.text[1:]
            proto.actors.append(Actor(role="initiator", name=name, kind="armed_forces"))
        told.add(sent.index)
        out.append(proto)
    return out


def _forces_subject(token: Token, found: ArrestCues) -> Token | None:
    """The subject of an arrest verb with an object, when it is a force ('police', 'troops')."""
    if token.pos_ != "VERB" or not any(
        c.dep_ == "dobj" and c.pos_ != "PRON" for c in token.children
    ):
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.lemma_.lower() in found.forces else None


def _uncounted(noun: Token) -> bool:
    """A noun of people with no number: a description ('political prisoners'), not a count
    of the arrested ('300 students arrested during rallies')."""
    return noun.pos_ == "NOUN" and not any(c.dep_ == "nummod" for c in noun.children)


def _arrested_phrase(token: Token) -> Token | None:
    """The head of who was arrested: passive subject, object, 'arrest of X', or the noun
    that a participle qualifies ('prisoners arrested during the campaign')."""
    deps = ("nsubjpass", "dobj") if token.pos_ == "VERB" else ()
    head = next((c for c in token.children if c.dep_ in deps), None)
    if head is None and token.pos_ == "NOUN":
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        head = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    if head is None and token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
        head = token.head
    if head is None or head.pos_ == "PRON":
        return None
    if head.like_num or head.lemma_.lower() in load(ArrestCues, "arrests.json").quantities:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        head = next((c for c in of.children if c.dep_ == "pobj"), head) if of else head
    if head.like_num or head.pos_ == "PRON":
        return None  # 'more than 80 of them': who is told elsewhere
    return head


def _arrested(ann: Annotated, proto: Proto, token: Token, offset: int) -> None:
    head = _arrested_phrase(token)
    if head is None:
        return
    words = [t for t in head.subtree if t.dep_ not in ("relcl", "acl") or t is head]
    first = min(t.idx for t in words) + offset
    last = max(t.idx + len(t.text) for t in words) + offset
    targets = proto.role("target")
    if any(first <= (a.start or -1) < last for a in targets):
        return  # the legacy rules named who is in the phrase
    kinds = load(ArrestCues, "arrests.json").target_kinds
    inside = [a for a in ann.actors if first <= a.start < last and a.end <= last]
    named = [a for a in inside if a.kind in kinds and a.source != "demonym"]
    if named:
        found = [actor_of(named[0], "target")]
    else:
        country = next((a.country for a in inside if a.source == "demonym"), None)
        known = [a.country for a in proto.role("initiator")] + [p.country for p in proto.locations]
        country = country or next((c for c in known if c), None)
        named_as = _specific(head) or head
        name = named_as.text[:1].upper() + named_as.text[1:]
        armed = named_as.lemma_.lower() in civilians().armed  # 'arrested two militants'
        kind = "group" if armed and named_as is not head else "civilians"
        person = identified_person(ann) if _one_unnamed(named_as) else None
        name, kind = (person, "person") if person else (name, kind)
        found = [Actor(role="target", name=name, kind=kind, country=country)]
    proto.actors = [a for a in proto.actors if a.role != "target"] + found


def _one_unnamed(head: Token) -> bool:
    """One person named only by a common word ('a 25-year-old man', 'the suspect')."""
    lone = not any(c.like_num for c in head.children)
    return lone and head.tag_ == "NN" and head.lemma_.lower() in identification().heads


def _arrester(ann: Annotated, proto: Proto, token: Token, offset: int) -> None:
    """'A man was arrested by the Harbour District Police': the by-agent of a passive arrest
    is its maker. An actor of the dictionaries there, else a force named by a proper name (its
    head a word of data/en/arrests.json forces), replaces a state the legacy rules implied or
    read outside it ('police' alone leaves the state: the state's police)."""
    by = next((c for c in token.children if c.dep_ == "agent"), None)
    who = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    initiators = proto.role("initiator")
    if who is None or any(a.kind != "state" for a in initiators):
        return  # no by-agent, or a doer the legacy rules read that is no bare state
    words = [t for t in who.subtree if t.dep_ not in ("relcl", "acl", "det") or t is who]
    first = min(t.idx for t in words) + offset
    last = max(t.idx + len(t.text) for t in words) + offset
    if any(first <= (a.start or -1) < last for a in initiators):
        return
    inside = [a for a in ann.actors if first <= a.start and a.end <= last]
    known = [a.country for a in initiators] + [p.country for p in proto.locations]
    country = next((c for c in known if c), None)
    forces = load(ArrestCues, "arrests.json").forces
    if inside:
        found = actor_of(inside[0], "initiator")
    elif who.pos_ == "PROPN" and who.lemma_.lower() in forces:
        name = ann.text[first:last]
        found = Actor(role="initiator", name=name, kind="armed_forces", country=country)
    else:
        return
    proto.actors = [a for a in proto.actors if a.role != "initiator"] + [found]


def _specific(head: Token) -> Token | None:
    """'arrested a man and three protesters': a generic head ('man', 'individuals', 'suspects')
    gives way to a more specific group the sentence names."""
    cues = load(ArrestCues, "arrests.json")
    if head.lemma_.lower() not in cues.generic:
        return None
    return next(
        (t for t in head.sent if t.pos_ == "NOUN" and t.lemma_.lower() in cues.specific), None
    )


def _unreported(token: Token) -> bool:
    """The arrest word does not tell an arrest that happened: an adjective, an infinitive, a
    description of who someone is, a running total, or a noun no verb makes an event of."""
    found = load(ArrestCues, "arrests.json")
    if token.pos_ == "ADJ" or token.dep_ == "amod":
        return True
    if token.tag_ == "VB":
        return _infinitive(token)
    if _describes(token, found):
        return True
    return token.pos_ == "NOUN" and _bare_noun(token, found)


def _infinitive(token: Token) -> bool:
    """An infinitive ('to find and arrest'), not a modal's verb ('will arrest') nor a headline
    present tagged as a base form ('Police arrest 50 suspects')."""
    heads = [token, token.head] if token.dep_ == "conj" else [token]
    children = [c for h in heads for c in h.children]
    return any(c.tag_ == "TO" for c in children) and not any(c.tag_ == "MD" for c in children)


def _describes(token: Token, found: ArrestCues) -> bool:
    """A clause about who someone is, or a running total."""
    if token.dep_ == "relcl" and token.head.pos_ == "PRON":
        return True
    if token.dep_ == "acl" and token.tag_ == "VBN" and _uncounted(token.head):
        # 'the case of a journalist arrested over his interviews': who they are; a participle
        # with an object of its own is an active verb ('police in a drive arrested 34 men')
        return not any(c.dep_ == "dobj" for c in token.children)
    # 'have arrested 2,400 people since February 1': a running total
    if any(c.dep_ in ("prep", "mark") and c.lower_ in found.span for c in token.children):
        return True
    return _over_years(token, found)


_CLAUSE_LINKS = frozenset({"conj", "advcl", "xcomp"})


def _over_years(token: Token, found: ArrestCues) -> bool:
    """'In the past two years, journalists were ... detained', 'was detained for a year': a
    phrase of years on the arrest word or the clause it is coordinated with."""
    chain = [token]
    while chain[-1].dep_ in _CLAUSE_LINKS and chain[-1].head is not chain[-1]:
        chain.append(chain[-1].head)
    preps = [c for h in chain for c in h.children if c.dep_ == "prep"]
    return any(
        o.dep_ == "pobj" and o.lemma_.lower() in found.periods
        for p in preps
        if p.lower_ in found.period_preps
        for o in p.children
    )


def _bare_noun(token: Token, found: ArrestCues) -> bool:
    """An arrest noun no verb makes an event of ('the arrest of X' and 'placed under arrest'
    are told arrests)."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return False
    if any(c.dep_ == "dobj" for c in token.children):
        return False  # 'Police arrest 50 suspects' parsed as a noun with an object: a verb
    head = token.head
    if head.pos_ == "ADP" and head.lower_ in found.into:
        return False  # 'taken into custody', 'placed under arrest'
    return not (head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in found.making)
