"""Who did an act when the parse spreads its roles or names its doer by no dictionary word.

- 'A man was shot and killed by a gunman': the victim is the subject of the first of two verbs
  joined by 'and', the doer the 'by' agent of the last; the roles of joined acts are shared.
- 'The XYZ seized the town': an organisation the actor dictionaries lack, written as an
  acronym (all capitals, two letters or more, parts joined by '/' or '-'), taking a place is
  an armed group taking territory."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from streams.extraction.annotate import Annotated
from streams.extraction.components.families.acts import TERRITORY
from streams.extraction.components.families.conflict import mentions, places
from streams.extraction.components.families.summaries import parsed_token
from streams.extraction.components.families.victim_words import civilians
from streams.extraction.components.roles import RoleHit


def agent_acts(triggers: list[Span], hits: list[RoleHit]) -> list[tuple[Span, list[RoleHit]]]:
    """The acts of the sentence that need a doer, highest priority first, each with its own
    roles and those of the acts joined to it (joined_roles)."""
    acts = sorted(
        (t for t in triggers if t._.pattern.needs_agent),
        key=lambda t: (-t._.pattern.priority, t.start_char),
    )
    return [(t, joined_roles(t.doc, t, triggers, hits)) for t in acts]


def joined_roles(doc: Doc, act: Span, triggers: list[Span], hits: list[RoleHit]) -> list[RoleHit]:
    """The roles of the act and of the acts joined to it by 'and' ('was shot and killed by a
    gunman': the victim is the first verb's subject, the doer the last one's agent), all as
    the act's own."""
    token = parsed_token(doc, act)
    if token is None:
        return hits
    span = (act.start_char, act.end_char)
    out = list(hits)
    for other in triggers:
        joined = parsed_token(doc, other)
        if other is act or joined is None or not _coordinated(token, joined):
            continue
        spot = (other.start_char, other.end_char)
        out += [replace(h, trigger=span) for h in hits if h.trigger == spot]
    return out


def _coordinated(one: Token, other: Token) -> bool:
    return (one.dep_ == "conj" and one.head == other) or (
        other.dep_ == "conj" and other.head == one
    )


_ACRONYM = re.compile(r"[A-Z][A-Z0-9]+(?:[/-][A-Z0-9]+)*")


def organisation(ann: Annotated, hit: RoleHit) -> bool:
    """A doer phrase naming an armed group or forces of the dictionaries, or an organisation
    they lack written as an acronym ('the XYZ', 'ABC/D-EF fighters'), not a place's name."""
    if any(m.forces or m.kind in ("group", "armed_forces") for m in mentions(ann, hit.phrase)):
        return True
    if mentions(ann, hit.phrase):
        return False  # a party, a state or a person the dictionaries know: not unknown
    text = ann.text
    named = places(ann, hit.phrase)
    for match in _ACRONYM.finditer(text, hit.phrase[0], hit.phrase[1]):
        inside = any(p.start <= match.start() < p.end for p in named)
        if not inside and sum(c.isalpha() for c in match.group()) >= 2:
            return True
    return False


def takes_place(ann: Annotated, trigger: Span, hits: list[RoleHit]) -> bool:
    """'The XYZ seized the town of X', 'ABC fighters took control of X': a takeover whose doer
    is an armed organisation (organisation) and whose object is a place (a place's name or a
    settlement word) tells territory taken."""
    from streams.extraction.components.families.base import cues  # avoids a cycle
    from streams.extraction.components.families.note_places import units

    if trigger._.pattern.event_type not in TERRITORY:
        return False
    span = (trigger.start_char, trigger.end_char)
    own = [h for h in hits if h.trigger == span]
    if not any(h.role == "initiator" and _armed_org(ann, h) for h in own):
        return False
    # a settlement, an administrative unit, or a site a force holds ('an army base')
    kinds = units().settlement | units().unit | cues().territory_nouns
    if any(
        h.role == "target"
        and (places(ann, h.phrase) or ann.text[h.head[0] : h.head[1]].lower() in kinds)
        for h in own
    ):
        return True
    return _named_after(trigger, kinds) or _control_over(trigger, kinds)


def _armed_org(ann: Annotated, hit: RoleHit) -> bool:
    """An armed organisation, or a doer headed by a word of forces or fighters ('the armed
    forces', 'X Forces', 'the military': data/en/strategic.json armed_words)."""
    from streams.extraction.components.families.base import cues  # avoids a cycle

    head = ann.text[hit.head[0] : hit.head[1]].lower()
    return organisation(ann, hit) or head in cues().armed_words


_CONTROL_PREPS = frozenset({"of", "over"})


def _control_over(trigger: Span, kinds: frozenset[str]) -> bool:
    """'retook control over the city of X', 'took control of X': the object of 'of' or 'over'
    under the verb or its object is a name or a settlement word."""
    verb = parsed_token(trigger.doc, trigger[:1])
    if verb is None:
        return False
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    preps = [c for h in heads for c in h.children if c.dep_ == "prep"]
    objects = [o for p in preps if p.lower_ in _CONTROL_PREPS for o in p.children]
    return any(o.dep_ == "pobj" and (o.tag_ == "NNP" or o.lower_ in kinds) for o in objects)


def _named_after(trigger: Span, kinds: frozenset[str]) -> bool:
    """'took control of Achana': the object of the trigger's closing preposition is a name or
    a settlement word."""
    last = parsed_token(trigger.doc, trigger[-1:])
    if last is None or last.dep_ != "prep":
        return False
    objects = [c for c in last.children if c.dep_ == "pobj"]
    return any(o.tag_ == "NNP" or o.lower_ in kinds for o in objects)


def political_victim(ann: Annotated, hits: list[RoleHit]) -> bool:
    """'A party candidate was gunned down', 'a BNP leader was hacked to death': a victim named
    by a political post (data/en/civilians.json political) or as a member of a party or
    group of the actor dictionaries is a political actor: their killing is no street crime
    (codebook rule 3), whoever did it."""
    posts = civilians().political
    for hit in hits:
        if hit.role not in ("victims", "single_victim", "target"):
            continue
        words = {w.lower().strip(".,") for w in hit.text.split()}
        if words & posts or any(m.kind == "group" for m in mentions(ann, hit.phrase)):
            return True
    return False


def political_harm(ann: Annotated, triggers: list[Span], hits: list[RoleHit]) -> Span | None:
    """'The security minister was stabbed', 'an opposition leader was poisoned': a deliberate
    harm (data/en/civilians.json targeted_harm) told in the passive of a victim named by a
    political post, with no doer named, is an attack on a political actor by an unknown hand:
    violence against civilians, not street crime (codebook rule 3). The act, or None."""
    harms = civilians().targeted_harm
    for act, roles in agent_acts(triggers, hits):
        if not any(t.lemma_.lower() in harms for t in act):
            continue
        span = (act.start_char, act.end_char)
        own = [h for h in roles if h.trigger == span]
        if any(h.role == "initiator" for h in own):
            continue  # a doer named: the agent rules decide
        victims = [h for h in own if h.pattern.endswith("passive_subject")]
        if victims and political_victim(ann, victims):
            return act
    return None
