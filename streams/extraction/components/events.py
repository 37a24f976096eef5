"""streams_events: triggers + syntactic roles -> Protos of the conflict families.

The legacy heuristics (extractors/attack.py) are the fallback: where they found the sentence's
event, the roles read from syntax refine it (actors, counts, place, the pattern's type); where
they found none, a trigger whose roles name who or how many makes an event of its own."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span

from streams.extraction import spec
from streams.extraction.annotate import ActorMention, Annotated, PlaceMention, Sentence
from streams.extraction.components.annotation import annotated, doc_text
from streams.extraction.components.event_types import (
    GENERIC,
    MOB,
    ONE_SIDED,
    SPECIFIC,
    agent_kind,
    armed_captives,
    best_trigger,
    retyped,
    takeover_after,
    territory_side,
)
from streams.extraction.components.families.acts import (
    larger,
    one_sided,
)
from streams.extraction.components.families.aftermath import aftermath_only
from streams.extraction.components.families.agents import idle_agent
from streams.extraction.components.families.conflict import _definite as definite
from streams.extraction.components.families.conflict import (
    count,
    link_reference,
    mentions,
    places,
    previous_subject,
    pronoun_subject,
    refers_back,
    toll_after,
)
from streams.extraction.components.families.crime import no_conflict_news
from streams.extraction.components.families.doers import agent_acts, political_harm, takes_place
from streams.extraction.components.families.nonevents import (
    no_conflict,
    past_acts,
    told_as_history,
)
from streams.extraction.components.families.property import property_act
from streams.extraction.components.families.segments import folded
from streams.extraction.components.families.summaries import summarized
from streams.extraction.components.families.syntax_sides import parsed_sides, settled_doers
from streams.extraction.components.families.told import headline_opening, reported_act
from streams.extraction.components.families.tolls import (
    add_later,
    sentence_toll,
    toll_before,
    without_wounded,
)
from streams.extraction.components.families.victim_words import amount, armed_doers
from streams.extraction.components.families.victims import add_civilians
from streams.extraction.components.parse import needs_previous
from streams.extraction.components.roles import RoleHit
from streams.extraction.components.sides import (
    crowds,
    demonstration,
    two_sides,
    unnamed_sides,
)
from streams.extraction.components.triggers import COUNT_ONLY, family_of, trigger_rows
from streams.extraction.extractors.attack import _in_quote as in_quote
from streams.extraction.extractors.attack import since_clause
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

NAME = "conflict_v2"
VERSION = "0.1.0"
PORTED_FAMILIES = frozenset({"battles", "explosions", "violence_against_civilians", "casualties"})


def sentence_of(ann: Annotated, start: int) -> Sentence | None:
    return next((s for s in ann.sentences if s.start <= start < s.end), None)


def _grouped(doc: Doc, ann: Annotated) -> dict[int, list[Span]]:
    out: dict[int, list[Span]] = {}
    for trigger, _pattern, family in trigger_rows(doc):
        if family not in PORTED_FAMILIES:
            continue
        sent = sentence_of(ann, trigger.start_char)
        if sent is not None:
            out.setdefault(sent.index, []).append(trigger)
    return out


def conflict_protos(doc: Doc, legacy: Iterable[Proto]) -> list[Proto]:
    """The conflict events of the doc, refining the legacy ones sentence by sentence."""
    ann = annotated(doc)
    by_sentence = {p.sentence.index: p for p in legacy}
    out: list[Proto] = []
    grouped = _grouped(doc, ann)
    past = past_acts(doc, ann.published.year)
    for index in sorted(set(grouped) | set(by_sentence)):
        base = by_sentence.get(index)
        triggers = grouped.get(index, [])
        if aftermath_only(doc, ann, index, triggers):
            continue  # 'troops arrived following an attack': the arrival is the news
        property_act(doc, base, triggers)  # 'gunmen looted a motorbike': no harm to people
        proto = (
            _sentence_event(doc, index, base, triggers, out=out, past=past) if triggers else base
        )
        if proto is not None:
            out.append(proto)
    toll_before(doc, grouped, out)
    _lone_attack_sides(doc, out)
    return out


def _sentence_event(
    doc: Doc,
    index: int,
    base: Proto | None,
    triggers: list[Span],
    *,
    out: list[Proto],
    past: frozenset[str],
) -> Proto | None:
    """The event the sentence with these triggers tells (the legacy one refined), or None
    where it tells no new happening: more dead of, the outcome of, or a reference back to an
    event told before, which updates that event in `out`."""
    ann = annotated(doc)
    sentence = ann.sentences[index]
    spans = {(t.start_char, t.end_char) for t in triggers}
    hits = [r for r in doc._.roles or [] if r.trigger in spans]
    if _no_new_happening(doc, base, triggers=triggers, hits=hits, out=out, past=past):
        return None
    if add_later(ann, sentence, triggers, hits, out):
        return None  # 'two civilians were also killed': more dead of the event told before
    proto = base
    best = best_trigger(triggers)
    told = proto is None and (reported_act(doc, best) or headline_opening(doc, index))
    if told and not idle_agent(doc, best) and not no_conflict(ann, sentence, best):
        fought = bool(out) and out[-1].sentence.index == index - 1  # takeover_after's case
        proto = _new_proto(ann, sentence, triggers, hits, after_fight=fought)
    if proto is None and takeover_after(doc, index, triggers, hits, out):
        return None  # 'They took control of the village' after a fight: its outcome
    if proto is None and refers_back(doc, triggers):
        link_reference(ann, sentence, hits, out)
    elif proto is None:
        toll_after(ann, sentence, hits, out)
    if proto is not None:
        _refine(doc, proto, triggers, hits)
    return proto


def _lone_attack_sides(doc: Doc, out: list[Proto]) -> None:
    """The text's only attack, whose sides no name gives ('Ethnic militia attacked a
    district'): the sides its own trigger's subject or object names by an armed word are
    unnamed armed groups (sides.unnamed_sides). Where the text tells other events, such an
    attack is most often one of them told again; in a text about a demonstration, the crowd's
    clashes are the protest family's."""
    if len(out) != 1 or out[0].event_type != UNTYPED_ATTACK or out[0].actors:
        return
    triggers = doc.spans.get("triggers", [])
    if any(t._.pattern.id == "protests.crowd" for t in triggers):
        return
    lone = out[0]
    hits = [
        r
        for r in doc._.roles or []
        if r.trigger == lone.trigger and not r.pattern.endswith(".nominal_modifier")
    ]
    lone.actors = unnamed_sides(annotated(doc), hits)


def _no_new_happening(
    doc: Doc,
    base: Proto | None,
    *,
    triggers: list[Span],
    hits: list[RoleHit],
    out: list[Proto],
    past: frozenset[str],
) -> bool:
    """A summary of attacks ('several recent attacks'), the attack told before ('Police
    attribute the bombing to X': folded into it), or an act of an earlier year ('the bombing'
    in a story about 'the 2004 bombing')."""
    if summarized(doc, triggers, base):
        return True
    if base is not None and folded(doc, base, triggers=triggers, hits=hits, out=out):
        return True
    return told_as_history(doc, best_trigger(triggers), past, annotated(doc).published.year)


def _aside(sent: Sentence, best: Span) -> bool:
    """'"The crimes of sexual abuse offend ..."': a quoted remark; 'tensions have soared since
    gunmen killed 26 people': the time from which things are told. Neither is news."""
    pos = best.start_char - sent.start
    return in_quote(sent.text, pos) or since_clause(sent.text[:pos])


def _new_proto(
    ann: Annotated,
    sent: Sentence,
    triggers: list[Span],
    hits: list[RoleHit],
    *,
    after_fight: bool = False,
) -> Proto | None:
    """An event the legacy rules missed: only from a trigger that needs no context, whose
    roles name an actor of the dictionaries or a count, in a sentence about this time."""
    best = best_trigger(triggers)
    if best._.pattern.two_sided and two_sides(hits, best) and not demonstration(best):
        mob = crowds(ann.text, hits, best)
        proto = _located(ann, sent, best, MOB if mob else GENERIC)
        proto.lead = mob and opens_text(ann, sent.index)  # a riot is kept unlocated as news
        return proto
    if not after_fight and takes_place(ann, best, hits) and not _aside(sent, best):
        return _located(ann, sent, best, best.label_)  # an armed group took a place
    if not _may_tell_event(ann, sent, best):
        return None
    if best._.pattern.needs_agent:
        return _first_agent_event(ann, sent, triggers, hits)
    return _act_event(ann, sent, triggers, hits)


def _first_agent_event(
    ann: Annotated, sent: Sentence, triggers: list[Span], hits: list[RoleHit]
) -> Proto | None:
    """'A man was shot and killed by a gunman': the doer and victims may hang on another act
    of the sentence (the 'by' agent on the last of two joined verbs); the first act that
    needs a doer and names one with whom it harmed makes the event."""
    found = (_agent_event(ann, sent, t, roles) for t, roles in agent_acts(triggers, hits))
    event = next((p for p in found if p is not None), None)
    harmed = None if event is not None else political_harm(ann, triggers, hits)  # no doer
    return event if harmed is None else _located(ann, sent, harmed, ONE_SIDED)


def _may_tell_event(ann: Annotated, sent: Sentence, best: Span) -> bool:
    """The trigger can make an event of its own: a strong cue of a conflict type, in a
    sentence that is neither background nor an aside."""
    weak = best._.pattern.needs_context and not best._.pattern.needs_agent
    # a weak cue makes an event only with a doer and whom it harmed
    return (
        family_of(best._.pattern.id) not in COUNT_ONLY
        and not weak
        and spec.category_of().get(best.label_) == "conflict"
        and not context_count(sent.text, ann.published.year)
        and not _aside(sent, best)
    )


def _act_event(
    ann: Annotated, sent: Sentence, triggers: list[Span], hits: list[RoleHit]
) -> Proto | None:
    """An act with two sides named, a count, or anyone in a specific act's roles."""
    best = best_trigger(triggers)
    named = {h.role for h in hits if h.role in ("initiator", "target") and _mentions(ann, h)}
    # 'a youth was killed in a clash': one victim named is a count of one
    counted = any(h.role == "single_victim" or amount(h.text) for h in hits if h.role in _COUNTED)
    if best.label_ == ONE_SIDED and not one_sided(ann.article.text, triggers, hits, alone=True):
        fight = next((t for t in triggers if t._.pattern.two_sided), None)
        if fight is None or not counted:
            return None  # 'the attacker was shot dead by police'
        best = fight  # 'two people were shot dead in a clash': the clash, with its toll
    # a specific act (a suicide bombing, an abduction) with anyone in a role is an event
    specific = best._.pattern.priority >= SPECIFIC and any(h.role != "place" for h in hits)
    specific = specific and not armed_captives(best.doc, best, hits)  # soldiers taken
    # 'an unknown armed group exploded an IED': a harm done by an armed doer (a clash needs its
    # two sides, a takeover its own rules)
    own = [h for h in hits if h.trigger == (best.start_char, best.end_char)]
    doer = family_of(best._.pattern.id) in _HARM and armed_doers(ann.text, own)
    # 'an explosion occurred near the court': a blast told as having happened, whose means
    # the text does not tell, is a remote explosive (codebook: Explosions/Remote violence);
    # 'the explosion occurred at 2 pm' tells again one told before, whose telling decides
    happened = best._.pattern.happening and not definite(best.doc, best)
    if not (len(named) == 2 or counted or specific or doer or happened):
        return None
    if no_conflict_news(sent, best, named, counted, hits):
        return None
    return _located(ann, sent, best, best.label_)


def _agent_event(ann: Annotated, sent: Sentence, best: Span, hits: list[RoleHit]) -> Proto | None:
    """'Presumed militants killed a farmer', 'soldiers beat two residents': an act with a doer
    named and someone acted on is an event; unarmed victims make it violence against
    civilians, armed ones (soldiers, militants) a battle."""
    kind = agent_kind(best.doc, best, hits)
    if kind is None:
        return None
    span = (best.start_char, best.end_char)
    doers = [h for h in hits if h.trigger == span and h.role == "initiator"]
    named = {h.role for h in doers if _mentions(ann, h)}
    if no_conflict_news(sent, best, named, False, doers):
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


def _refine(doc: Doc, proto: Proto, triggers: list[Span], hits: list[RoleHit]) -> None:
    ann = annotated(doc)
    best = best_trigger(triggers)
    proto.event_type = retyped(doc, proto, triggers, hits)
    parsed_sides(doc, ann, proto, hits)  # the parse's side over the legacy rules' where they differ
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
    settled_doers(doc, ann, proto, hits)  # the parse's doer over a place read as the doer
    hurt_only = {(t.start_char, t.end_char) for t in triggers if not t._.pattern.victims_die}
    hits = without_wounded(
        doc_text(doc), [h for h in hits if not (h.trigger in hurt_only and h.role in _DEAD)]
    )
    if not context_count(proto.sentence.text, ann.published.year):
        # the legacy count where it has one: syntax fills the gaps (measured: docs/engine.md)
        proto.killed = larger(proto.killed, sentence_toll(doc, triggers, hits))
        proto.injured = larger(proto.injured, count(hits, "injured"))
    # "in X", else a target that is a place ("airstrikes on X", "shelled X")
    ordered = sorted((h for h in hits if h.role in ("place", "target")), key=lambda h: h.role)
    place = next((p for h in ordered for p in _places(ann, h)), None)
    if place is not None and place.place.precision != "country" and not proto.locations:
        proto.locations = [location_of(place)]
    add_civilians(ann, proto, hits)
    proto.event_type = territory_side(doc, proto)  # who took the place, and how


_DEAD = frozenset({"victims", "single_victim"})
_HARM = frozenset({"explosions", "violence_against_civilians"})
_COUNTED = frozenset({"victims", "single_victim", "injured"})


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
