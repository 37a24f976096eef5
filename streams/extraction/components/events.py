"""streams_events: triggers + syntactic roles -> Protos of the conflict families.

The legacy heuristics (extractors/attack.py) are the fallback: where they found the sentence's
event, the roles read from syntax refine it (actors, counts, place, the pattern's type); where
they found none, a trigger whose roles name who or how many makes an event of its own."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span

from streams.extraction import spec
from streams.extraction.annotate import ActorMention, Annotated, PlaceMention, Sentence
from streams.extraction.components.annotation import annotated
from streams.extraction.components.families.agents import headline_present, idle_agent
from streams.extraction.components.families.conflict import (
    amount,
    armed_doers,
    armed_victims,
    civilian_victims,
    civilians,
    count,
    link_reference,
    mentions,
    places,
    previous_subject,
    pronoun_subject,
    refers_back,
)
from streams.extraction.components.families.segments import folded
from streams.extraction.components.parse import needs_previous
from streams.extraction.components.roles import RoleHit
from streams.extraction.components.sides import (
    PRONOUNS,
    crowds,
    demonstration,
    people,
    two_sides,
)
from streams.extraction.components.triggers import COUNT_ONLY, family_of
from streams.extraction.extractors.attack import _in_quote as in_quote
from streams.extraction.extractors.attack import running_total, since_clause, street_crime
from streams.extraction.extractors.common import (
    Proto,
    actor_of,
    context_count,
    event_date,
    location_of,
    sentence_places,
    weapons,
)
from streams.extraction.lexicons import UNTYPED_ATTACK
from streams.schemas import Count

NAME = "conflict_v2"
VERSION = "0.1.0"
SPECIFIC = 5
"""Trigger priority from which a pattern names a specific act (data/en/triggers/*.jsonl)."""
PORTED_FAMILIES = frozenset({"battles", "explosions", "violence_against_civilians", "casualties"})


def sentence_of(ann: Annotated, start: int) -> Sentence | None:
    return next((s for s in ann.sentences if s.start <= start < s.end), None)


def _grouped(doc: Doc, ann: Annotated) -> dict[int, list[Span]]:
    out: dict[int, list[Span]] = {}
    for trigger in doc.spans.get("triggers", []):
        if family_of(trigger._.pattern.id) not in PORTED_FAMILIES:
            continue
        sent = sentence_of(ann, trigger.start_char)
        if sent is not None:
            out.setdefault(sent.index, []).append(trigger)
    return out


def conflict_protos(doc: Doc, legacy: Iterable[Proto]) -> list[Proto]:
    """The conflict events of the doc, refining the legacy ones sentence by sentence."""
    ann = annotated(doc)
    by_sentence = {p.sentence.index: p for p in legacy}
    roles: list[RoleHit] = doc._.roles or []
    out: list[Proto] = []
    grouped = _grouped(doc, ann)
    for index in sorted(set(grouped) | set(by_sentence)):
        base = by_sentence.get(index)
        triggers = grouped.get(index, [])
        if not triggers:
            if base is not None:
                out.append(base)
            continue
        spans = {(t.start_char, t.end_char) for t in triggers}
        hits = [r for r in roles if r.trigger in spans]
        if base is not None and folded(doc, base, triggers=triggers, hits=hits, out=out):
            continue  # 'Police attribute the bombing to X': the attack told before
        proto = base
        best = _best(triggers)
        told = proto is None and (_reported_act(doc, best) or _headline(doc, index))
        if told and not idle_agent(doc, best):
            proto = _new_proto(ann, ann.sentences[index], triggers, hits)
        if proto is None and refers_back(doc, triggers):
            link_reference(ann, ann.sentences[index], hits, out)
        if proto is not None:
            _refine(doc, proto, triggers, hits)
            out.append(proto)
    return out


_NOT_REPORTED = frozenset({"VB", "VBP", "VBZ"})
"""'gangs who raid villages and kidnap residents', 'they will abduct': habitual or future,
not a happening; a past verb, a participle or a noun is."""


def _reported_act(doc: Doc, trigger: Span) -> bool:
    parsed = (doc._.parses or {}).get(trigger.sent.start_char)
    if parsed is None:
        return False
    offset = trigger.start_char - trigger.sent.start_char
    token = next((t for t in parsed if t.idx == offset), None)
    if token is not None and token.dep_ == "conj" and token.tag_ in _NOT_REPORTED:
        token = token.head  # 'blocked roads and set tyres on fire': the tense of the first
    if token is not None and token.tag_ in _NOT_REPORTED and headline_present(doc, trigger, token):
        return True  # 'Gunmen abduct four tourists ...' opening a summary: news, not habit
    return token is not None and token.tag_ not in _NOT_REPORTED


def _aside(sent: Sentence, best: Span) -> bool:
    """'"The crimes of sexual abuse offend ..."': a quoted remark; 'tensions have soared since
    gunmen killed 26 people': the time from which things are told. Neither is news."""
    pos = best.start_char - sent.start
    return in_quote(sent.text, pos) or since_clause(sent.text[:pos])


def _no_conflict_news(
    sent: Sentence, best: Span, named: set[str], counted: bool, hits: list[RoleHit]
) -> bool:
    """A running total told after the news is context (as in the legacy rules); 'a man was
    stabbed to death outside a nightclub', with no armed doer, is crime (codebook rule 3)."""
    if counted and running_total(sent):
        return True
    if "initiator" in named or armed_doers(best.doc.text, hits):
        return False  # 'gendarmes shot dead a suspect': a doer of an armed side
    return _crime(best) and street_crime(sent.text)


def _crime(trigger: Span) -> bool:
    """A killing by an act street crime shares (data/en/civilians.json crime_acts)."""
    acts = civilians().crime_acts
    return trigger.label_ == _ONE_SIDED and any(t.lemma_ in acts for t in trigger)


def _consequence(doc: Doc, trigger: Span) -> bool:
    """'Israel struck the headquarters, killing three people': a participle clause tells the
    toll of the sentence's act, not an act of its own."""
    parsed = (doc._.parses or {}).get(trigger.sent.start_char)
    if parsed is None:
        return False
    offset = trigger.start_char - trigger.sent.start_char
    token = next((t for t in parsed if t.idx == offset), None)
    return token is not None and token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp", "conj")


def _headline(doc: Doc, index: int) -> bool:
    """'Police kill member of opposition party': a text that opens with a line in the headline
    style (present tense, no full stop) tells the act as its news, not a habit."""
    if index != 0:
        return False
    first = next(iter(doc.sents))
    if first.text.rstrip().endswith((".", "?", "!", ":", ";")):
        return False  # a headline is a line without a full stop
    triggers = [t for t in doc.spans.get("triggers", []) if t.sent.start == 0]
    best = _best(triggers) if triggers else None
    pattern = best._.pattern if best is not None else None
    return pattern is not None and (pattern.needs_agent or pattern.two_sided)


def _best(triggers: list[Span]) -> Span:
    return max(triggers, key=lambda t: (t._.pattern.priority, -t.start_char))


def _new_proto(
    ann: Annotated, sent: Sentence, triggers: list[Span], hits: list[RoleHit]
) -> Proto | None:
    """An event the legacy rules missed: only from a trigger that needs no context, whose
    roles name an actor of the dictionaries or a count, in a sentence about this time."""
    best = _best(triggers)
    if best._.pattern.two_sided and two_sides(hits, best) and not demonstration(best):
        mob = crowds(ann.text, hits, best)
        proto = _located(ann, sent, best, _MOB if mob else _GENERIC)
        proto.lead = mob and opens_text(ann, sent.index)  # a riot is kept unlocated as news
        return proto
    weak = best._.pattern.needs_context and not best._.pattern.needs_agent
    if family_of(best._.pattern.id) in COUNT_ONLY or weak:
        return None  # a weak cue makes an event only with a doer and whom it harmed
    if spec.category_of().get(best.label_) != "conflict":
        return None
    if context_count(sent.text, ann.published.year):
        return None
    if _aside(sent, best):
        return None
    if best._.pattern.needs_agent:
        return _agent_event(ann, sent, best, hits)
    named = {h.role for h in hits if h.role in ("initiator", "target") and _mentions(ann, h)}
    counted = any(amount(h.text) for h in hits if h.role in ("victims", "injured"))
    # a specific act (a suicide bombing, an abduction) with anyone in a role is an event
    specific = best._.pattern.priority >= SPECIFIC and any(h.role != "place" for h in hits)
    if best.label_ == _ONE_SIDED and not _one_sided(ann.article.text, triggers, hits, alone=True):
        return None  # 'the attacker was shot dead by police'
    if not (len(named) == 2 or counted or specific):
        return None
    if _no_conflict_news(sent, best, named, counted, hits):
        return None
    proto = Proto(best.label_, sent, (best.start_char, best.end_char), NAME, VERSION)
    proto.when, proto.date_explicit = event_date(ann, sent, best.start_char)
    proto.weapons = weapons(sent)
    towns = [p for p in sentence_places(ann, sent) if p.place.precision != "country"]
    proto.locations = [location_of(towns[0])] if towns else []
    return proto


def _agent_event(ann: Annotated, sent: Sentence, best: Span, hits: list[RoleHit]) -> Proto | None:
    """'Presumed militants killed a farmer', 'soldiers beat two residents': an act with a doer
    named and someone acted on is an event; unarmed victims make it violence against
    civilians, armed ones (soldiers, militants) a battle."""
    kind = _agent_kind(best.doc, best, hits)
    if kind is None:
        return None
    span = (best.start_char, best.end_char)
    doers = [h for h in hits if h.trigger == span and h.role == "initiator"]
    named = {h.role for h in doers if _mentions(ann, h)}
    if _no_conflict_news(sent, best, named, False, doers):
        return None  # 'a man murdered his partners': a doer of no armed side, street crime
    return _located(ann, sent, best, kind)


def _located(ann: Annotated, sent: Sentence, trigger: Span, kind: str) -> Proto:
    proto = Proto(kind, sent, (trigger.start_char, trigger.end_char), NAME, VERSION)
    proto.when, proto.date_explicit = event_date(ann, sent, trigger.start_char)
    proto.weapons = weapons(sent)
    towns = [p for p in sentence_places(ann, sent) if p.place.precision != "country"]
    proto.locations = [location_of(towns[0])] if towns else []
    return proto


LEAD_WORDS = 5
"""Sentences before the lead that are shorter than this are labels or dates ('28 April.')."""


def opens_text(ann: Annotated, index: int) -> bool:
    """The sentence opens the text: only labels or dates come before it."""
    return all(len(s.text.split()) < LEAD_WORDS for s in ann.sentences[:index])


def _agent_kind(doc: Doc, trigger: Span, hits: list[RoleHit]) -> str | None:
    """The type of an act whose doer and victims are named: one-sided violence when every
    victim is unarmed, else a battle; None without a doer who names people (not a pronoun,
    not 'flooding') or a victim."""
    text = doc.text
    span = (trigger.start_char, trigger.end_char)
    own = [h for h in hits if h.trigger == span]
    doers = [h for h in own if h.role == "initiator" and people(annotated(doc), h)]
    victims = [h for h in own if h.role in ("victims", "single_victim", "target")]
    if not doers or not victims or any(h.text.lower() in PRONOUNS for h in victims):
        return None
    kinds = [h if h.role != "target" else replace(h, role="victims") for h in victims]
    if civilian_victims(text, kinds):
        return _ONE_SIDED
    # fighters killed are a battle; 'police beat the suspect's lawyer' is one-sided or nothing
    armed = armed_victims(text, kinds)
    return _GENERIC if armed and trigger._.pattern.victims_die else None


def _refine(doc: Doc, proto: Proto, triggers: list[Span], hits: list[RoleHit]) -> None:
    ann = annotated(doc)
    best = _best(triggers)
    proto.event_type = _retyped(doc, proto, triggers, hits)
    # where the legacy rules found a role, they keep it; syntax fills the roles they left empty
    # (measured both ways on the tune halves: docs/engine.md)
    for role in ("initiator", "target"):
        if proto.role(role):
            continue
        found = [actor_of(m, role) for h in hits if h.role == role for m in _mentions(ann, h)]
        if role == "initiator" and not found and _elided(doc, best, hits):
            found = [actor_of(m, role) for m in previous_subject(doc, ann, best)]
        names = {a.name for a in proto.actors}
        proto.actors += [a for a in found if a.name not in names]
    hurt_only = {(t.start_char, t.end_char) for t in triggers if not t._.pattern.victims_die}
    hits = [h for h in hits if not (h.trigger in hurt_only and h.role in _DEAD)]
    if not context_count(proto.sentence.text, ann.published.year):
        # the legacy count where it has one: syntax fills the gaps (measured: docs/engine.md)
        proto.killed = _larger(proto.killed, count(hits, "victims"))
        proto.injured = _larger(proto.injured, count(hits, "injured"))
    # "in X", else a target that is a place ("airstrikes on X", "shelled X")
    ordered = sorted((h for h in hits if h.role in ("place", "target")), key=lambda h: h.role)
    place = next((p for h in ordered for p in _places(ann, h)), None)
    if place is not None and place.place.precision != "country" and not proto.locations:
        proto.locations = [location_of(place)]


def _retyped(doc: Doc, proto: Proto, triggers: list[Span], hits: list[RoleHit]) -> str:
    """The type the sentence's syntax gives the legacy event (its own type when none)."""
    best = _best(triggers)
    pattern = best._.pattern
    kind = proto.event_type
    specific = pattern.fallback_type is not None or pattern.priority >= SPECIFIC
    if pattern.event_type == _ONE_SIDED and not _one_sided(doc.text, triggers, hits, alone=True):
        specific = False  # 'a police captain was shot dead', 'shot dead in a shootout'
    if specific and idle_agent(doc, best):
        specific = False  # 'suicide bombers were holding hostages': no bombing told
    if specific and pattern.event_type in _TERRITORY and _took_people(annotated(doc), hits):
        specific = False  # 'killed five attackers and captured one': people, not ground
    if specific and pattern.event_type in spec.category_of():
        return str(pattern.event_type)  # a specific act's own type
    if pattern.two_sided and kind in (_GENERIC, UNTYPED_ATTACK):
        mob = crowds(doc.text, hits, best) and not demonstration(best)
        return _MOB if mob else kind  # 'two rival families clashed': a riot, not a battle
    toll = pattern.needs_agent and _consequence(doc, best)
    agent = _agent_kind(doc, best, hits) if pattern.needs_agent and not toll else None
    if agent is not None and kind in (_GENERIC, UNTYPED_ATTACK, _TOLL):
        return agent  # 'gunmen killed two traders': who did it to whom
    # 'struck the headquarters, killing three people': the objects of the act count too
    acted_on = _acted_on(hits) if toll or kind == UNTYPED_ATTACK else hits
    if kind in (_GENERIC, UNTYPED_ATTACK) and _one_sided(doc.text, triggers, acted_on):
        background = context_count(proto.sentence.text, annotated(doc).published.year)
        return kind if background else _ONE_SIDED
    return kind


def _acted_on(hits: list[RoleHit]) -> list[RoleHit]:
    """Everyone and everything the sentence's acts are done to ('attacked a priest', 'a
    suspect was killed in a raid'), as victims: an untyped attack is one-sided only when they
    are all unarmed people ('attacked a gendarmerie school, killing 70 people' is not)."""
    return [replace(h, role="victims") if h.role == "target" else h for h in hits]


_TERRITORY = frozenset({"territory_seized", "territory_regained"})


def _took_people(ann: Annotated, hits: list[RoleHit]) -> bool:
    """What was captured is people ('captured one', 'captured three fighters'): its head is a
    number or a noun of people (data/en/civilians.json nouns and armed): no ground taken."""
    found = civilians()
    people = found.nouns | found.armed
    heads = [ann.text[h.head[0] : h.head[1]].lower() for h in hits if h.role == "target"]
    return bool(heads) and all(
        h.isdigit() or amount(h) is not None or h.removesuffix("s") in people or h in people
        for h in heads
    )


def _larger(legacy: Count | None, syntax: Count | None) -> Count | None:
    """Syntax wins where it reads more dead than the legacy window ('killed 40 ...' where the
    legacy rules caught a part); else the legacy count stands (team sets: docs/engine.md)."""
    if syntax is None or (legacy is not None and syntax.value <= legacy.value):
        return legacy
    return syntax


_DEAD = frozenset({"victims", "single_victim"})
_GENERIC = "armed_clash"
_MOB = "mob_violence"
_TOLL = "casualty_report"
_ONE_SIDED = "attack_on_civilians"
_TWO_SIDED = frozenset({"battles.clash", "battles.exchange_fire", "battles.fight"})


def _one_sided(text: str, triggers: list[Span], hits: list[RoleHit], alone: bool = False) -> bool:
    """A killing of unarmed people ('soldiers killed two farmers') with no fighting named in
    the sentence: violence against civilians, not a battle (alone: no victim named is enough)."""
    if any(t._.pattern.id in _TWO_SIDED for t in triggers):
        return False
    if alone and not any(h.role in ("victims", "single_victim") for h in hits):
        return True
    return civilian_victims(text, hits)


def _mentions(ann: Annotated, hit: RoleHit) -> list[ActorMention]:
    return mentions(ann, hit.phrase)


def _places(ann: Annotated, hit: RoleHit) -> list[PlaceMention]:
    return places(ann, hit.phrase)


def _elided(doc: Doc, trigger: Span, hits: list[RoleHit]) -> bool:
    """The trigger's subject is a pronoun, or its sentence has none: the actor is before."""
    if pronoun_subject(hits):
        return True
    parsed = (doc._.parses or {}).get(trigger.sent.start_char)
    has_initiator = any(h.role == "initiator" for h in hits)
    return parsed is not None and not has_initiator and needs_previous(parsed)
