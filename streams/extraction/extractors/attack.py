"""Conflict events: air/drone strikes, missile and artillery attacks, explosions, clashes,
violence against civilians, sabotage; casualty counts found near them attach to them."""

from __future__ import annotations

import re

from streams.extraction.annotate import Annotated, Sentence
from streams.extraction.extractors import accidents
from streams.extraction.extractors.attack_actors import as_state, event_actors
from streams.extraction.extractors.attack_filters import (
    SINCE_CLAUSE,
    in_past_month,
    in_past_year,
    kept_hits,
    running_total,
    since_clause,
    street_crime,
    suppressed,
)
from streams.extraction.extractors.attack_filters import in_quote as _in_quote
from streams.extraction.extractors.attack_places import event_locations
from streams.extraction.extractors.attack_roles import (
    blamed_next,
    defender_as_target,
    denier_as_initiator,
    fill_actors,
)
from streams.extraction.extractors.attack_words import (
    AIR,
    CIVILIAN,
    COMBAT,
    MISSILE,
    STRONG,
    UNNAMED,
    W,
)
from streams.extraction.extractors.common import (
    Hit,
    Proto,
    Rule,
    article_span,
    cue_in,
    event_casualties,
    event_date,
    found_in,
    location_of,
    status_for,
    triggers_in,
    weapons,
)
from streams.schemas import Count

NAME = "attack"
VERSION = "1"


_INFRA = re.compile(
    W + r"\b(?:pipelines?|bridges?|rail(?:way)?s?|railway lines?|tracks|power lines?|substations?|"
    r"dams?|pylons?|cables?|signal boxes)\b",
    re.IGNORECASE,
)


_YEARLY_RATE = re.compile(r"\b(?:each|every|a|per) year\b|\bannually\b", re.IGNORECASE)


_AGGREGATE = re.compile(
    W
    + r"\b(?:over|in|during) the (?:past|last) (?:\w+ )?(?:days?|weeks?|months?|years?|24 hours)\b|"
    r"\bsince the (?:start|beginning|outbreak)\b|\bso far this (?:year|month)\b|\bsince (?:October|"
    r"the war|the conflict)\b",
    re.IGNORECASE,
)


_FIGHT_OTHER = {
    "armed_clash",
    "attack_on_civilians",
    "attack_on_infrastructure",
    "remote_explosive",
}


_BACKGROUND = re.compile(
    W + r"\b(?:(?:has|have|had) (?:come under|been (?:\w+ )?(?:targeted|hit|attacked|shelled|"
    r"bombed) (?:repeatedly|regularly|frequently|many times))|last year|in (?:19|20)\d\d|"
    r"in recent (?:weeks|months)|since (?:the )?(?:start|beginning|outbreak)|"
    r"(?:over|in|during) the (?:past|last) (?:\w+ )?(?:months|years|decades?)|"
    r"(?:has|have|had) stepped up|"
    # habitual: "Kyiv rarely comments on attacks", "Russia often strikes the city"
    r"rarely|often|routinely|usually|typically|frequently|"
    r"(?:past|previous|earlier|similar) (?:attacks|strikes|bombings|raids)|"
    r"(?:almost|nearly) (?:daily|every day)|a daily (?:threat|occurrence)|"
    # the state of things a happening is set in: "the airport opens amid the ongoing fighting"
    r"amid(?:st)? (?:the )?(?:ongoing|continuing|continued|protracted|years-long|months-long))\b",
    re.IGNORECASE,
)


_HISTORY = re.compile(
    r"\b(?:anniversary|exhibition|museum|commemorat\w+|centenary|historians?|"
    r"World War (?:I|II|One|Two)|First World War|Second World War|D-Day)\b",
    re.IGNORECASE,
)


def extract(doc: Annotated) -> list[Proto]:
    if _HISTORY.search(doc.text[:400]):
        return []  # a story about history: its battles are not today's events
    out: list[Proto] = []
    for sent in doc.sentences:
        proto = _sentence_event(doc, sent, lead=not out)
        if proto is None:
            continue
        if _echo(proto, out):
            continue  # "The Israeli military said it had struck a depot": the same strike again
        if (
            out
            and not proto.date_explicit
            and _ANAPHOR.match(doc.text, sent.start, proto.trigger[0])
        ):
            # "The shelling damaged a substation in the Dniprovskyi district": more about the
            # attack already reported, whose place it shares; not a new happening
            proto.locations = []
        out.append(proto)
    return out


def _only_a_toll(hits: list[tuple[Rule, Hit]]) -> bool:
    """Every trigger is 'killed N people/fighters' (no attack word of its own)."""
    return bool(hits) and all(match.group(0).lower().startswith("killed") for _, match in hits)


def _echo(proto: Proto, earlier: list[Proto]) -> bool:
    """A later mention with nothing of its own (no place, day or toll) by an attacker already
    reported in the article retells that attack."""
    init = proto.role("initiator")
    if proto.date_explicit or proto.killed or proto.injured:
        return False
    if any(loc.precision != "country" for loc in proto.locations):
        return False
    if not init:
        # "three shells landed inside the perimeter": more of the shelling just reported
        return any(p.event_type == proto.event_type for p in earlier)
    if UNNAMED.fullmatch(init[0].name) and earlier:
        return True  # "The attackers fired from a hillside": the attack just reported
    names = {a.name for p in earlier for a in p.role("initiator")}
    return init[0].name in names


_WITNESS = re.compile(
    r"\b(?:residents|villagers|witnesses|locals|passengers)\s+(?:said|say|told|reported)\b",
    re.IGNORECASE,
)


def _event_type(sent: Sentence, found: list[str]) -> str:
    # "..., residents said": witnesses are a source, not the victims
    text = _WITNESS.sub("", sent.text)
    specific = set(found) & _FIGHT_OTHER
    for rule in (_aerial_type, _explosive_type, _victim_type):
        typed = rule(text, specific)
        if typed is not None:
            return typed
    # no cue in the text: the triggers' own type, else typed by the event it merges into
    return next((t for t in ("air_strike", "missile_attack") if t in found), "attack")


def _aerial_type(text: str, specific: set[str]) -> str | None:
    """An air strike or a missile attack, told by its weapon (unless a planted explosive)."""
    if "remote_explosive" in specific:
        return None
    air = AIR.search(text)
    if air and air.group(0).lower() in ("bombed", "bombing") and _INFRA.search(text):
        return "attack_on_infrastructure"  # "the pipeline was bombed": sabotage, not aircraft
    if air:
        return "air_strike"
    return "missile_attack" if MISSILE.search(text) else None


def _explosive_type(text: str, specific: set[str]) -> str | None:
    """A planted explosive, or sabotage when it hits infrastructure."""
    if not specific & {"remote_explosive", "attack_on_infrastructure"}:
        return None
    if "attack_on_infrastructure" in specific or _INFRA.search(text):
        return "attack_on_infrastructure"
    return "remote_explosive"


def _victim_type(text: str, specific: set[str]) -> str | None:
    """Fighting when soldiers are the ones hit, violence against civilians when they are."""
    civilians = "attack_on_civilians" in specific
    if civilians and COMBAT.search(text) and not CIVILIAN.search(text):
        return "armed_clash"  # "opened fire on soldiers' positions": fighting, not civilians
    if civilians or (CIVILIAN.search(text) and not COMBAT.search(text)):
        return "attack_on_civilians" if CIVILIAN.search(text) or civilians else "attack"
    if "armed_clash" in specific or COMBAT.search(text):
        return "armed_clash"
    return None


_STRIKE_NOUN = re.compile(r"^strikes?$", re.IGNORECASE)


def _state_strikes(doc: Annotated, sent: Sentence, hits: list[tuple[Rule, Hit]]) -> bool:
    """'Israeli strikes hit ...': strikes by a state's forces, with no ground combat words."""
    if COMBAT.search(sent.text) and not re.search(r"\bstrikes?\b", sent.text, re.I):
        return False
    for _rule, hit in hits:
        if not _STRIKE_NOUN.match(hit.group(0)):
            continue
        pos = sent.start + hit.start()
        for mention in doc.actors:
            if pos - 25 <= mention.end <= pos and mention.kind in ("state", "armed_forces"):
                return mention.source in ("demonym", "country")
    return False


def _sentence_event(doc: Annotated, sent: Sentence, *, lead: bool = True) -> Proto | None:
    """lead: no attack reported before it (the dateline city may be the attack's place)."""
    found = triggers_in(doc, "attack", sent)
    # a running total is no happening's count, even as the lead (codebook rules 3 and 8):
    # "37,300 have been killed since the start of the war", "650 ... since October 2023"
    killed, injured = event_casualties(sent, doc.published.year)
    toll = bool(killed or injured)
    if (not found and not toll) or suppressed(sent):
        return None
    hits = kept_hits(doc, sent, found)
    if _only_a_toll(hits) and cue_in(doc, "disasters", sent.start, sent.end):
        hits = []  # "floods killed at least 95 people": a disaster's toll, no attacker
    if _background(doc, sent, hits, found, toll=toll):
        return None
    if not hits:
        return _toll_event(doc, sent, killed, injured) if toll else None
    return _attack_event(doc, sent, hits, (killed, injured), lead=lead)


def _background(
    doc: Annotated,
    sent: Sentence,
    hits: list[tuple[Rule, Hit]],
    found: list[tuple[Rule, Hit]],
    *,
    toll: bool,
) -> bool:
    """A sentence telling the background of the news, not a happening."""
    if hits and not toll and found_in(_BACKGROUND, sent.text, sent.text.lower()):
        return True  # "Odessa has been targeted repeatedly since 2022": background
    if toll and running_total(sent):
        return True  # a running total told after the news: context, not an event
    if in_past_year(sent.text, doc.published.year) or in_past_month(sent.text, doc.published):
        return True  # "In August last year, hundreds were killed in Barsalogho": background
    # the only attack told is one "since" which things have happened
    return not hits and any(SINCE_CLAUSE.search(sent.text[: m.start()][-90:]) for _, m in found)


def _toll_event(
    doc: Annotated, sent: Sentence, killed: Count | None, injured: Count | None
) -> Proto | None:
    """A toll with no attack word kept: a casualty report when the sentence or the article
    is about an attack."""
    if (
        (STRONG.search(sent.text) or _attack_context(doc, sent))
        # "floods killed 95": a disaster's toll, no conflict event
        and not cue_in(doc, "disasters", sent.start, sent.end)
        and not accidents.accident_toll(doc, sent)
        # "a million deaths worldwide each year": a statistic, not a happening
        and not _YEARLY_RATE.search(sent.text)
    ):
        return _casualty_only(doc, sent, killed, injured)
    return None


def _first_status(
    sent: Sentence, hits: list[tuple[Rule, Hit]]
) -> tuple[str, tuple[int, int]] | None:
    """The status of the first trigger not negated, with its span in the article."""
    for _rule, match in hits:
        span = article_span(sent, match)
        status = status_for(sent, *span)
        if status is not None:
            return status, span
    return None


def _hits_type(doc: Annotated, sent: Sentence, hits: list[tuple[Rule, Hit]]) -> str:
    event_type = _event_type(sent, [r.event_type for r, _ in hits])
    if event_type in ("attack", "attack_on_civilians", "armed_clash") and _state_strikes(
        doc, sent, hits
    ):
        return "air_strike"  # "Israeli strikes hit tents": a state's strikes come from the air
    return event_type


def _attack_event(
    doc: Annotated,
    sent: Sentence,
    hits: list[tuple[Rule, Hit]],
    toll: tuple[Count | None, Count | None],
    *,
    lead: bool,
) -> Proto | None:
    """The event of the sentence's kept triggers, typed, placed and with its actors."""
    killed, injured = toll
    stated = _first_status(sent, hits)
    if stated is None:
        return None
    status, (start, end) = stated
    event_type = _hits_type(doc, sent, hits)
    if (
        (killed or injured)
        and _AGGREGATE.search(sent.text)
        and event_type in ("armed_clash", "attack")
    ):
        return _casualty_only(doc, sent, killed, injured)
    proto = Proto(event_type, sent, (start, end), NAME, VERSION, status=status)
    _cast_and_place(doc, sent, proto, lead=lead, toll=bool(killed or injured))
    if (
        proto.event_type == "armed_clash"
        and not proto.role("initiator")
        and not STRONG.search(sent.text)
    ):
        proto.event_type = "attack"  # "the Lahore clashes": typed by what it merges into
    proto.when, proto.date_explicit = event_date(doc, sent, start)
    proto.killed, proto.injured = killed, injured
    proto.weapons = weapons(sent)
    proto.base_confidence = 0.5 if hits[0][0].needs_context else 0.6
    return proto


def _cast_and_place(
    doc: Annotated, sent: Sentence, proto: Proto, *, lead: bool, toll: bool
) -> None:
    """The event's actors (named, defending, denying, blamed next or implied) and places."""
    start, end = proto.trigger
    proto.actors = event_actors(doc, sent, start, end)
    defender_as_target(doc, sent, proto)
    if proto.status == "denied":
        denier_as_initiator(doc, sent, start, proto)
    proto.locations = event_locations(
        doc, sent, proto.actors, lead=lead, toll=toll, trigger_end=end
    )
    if not proto.role("initiator"):
        blamed = blamed_next(doc, sent)
        if blamed is not None:
            proto.actors.insert(0, as_state(blamed, "initiator"))
    fill_actors(proto, sent, proto.event_type, doc)


_ANAPHOR = re.compile(
    r"(?:The|This|That|Sunday's|Monday's|Tuesday's|Wednesday's|Thursday's|"
    r"Friday's|Saturday's)\s+(?:[\w-]+\s+)?$"
)


def _attack_context(doc: Annotated, sent: Sentence) -> bool:
    """A bare casualty sentence counts when the article is about an attack."""
    return cue_in(doc, "context", 0, sent.start) and not cue_in(
        doc, "blockers", sent.start, sent.end
    )


def _casualty_only(doc: Annotated, sent: Sentence, killed: object, injured: object) -> Proto | None:
    proto = Proto("casualty_report", sent, (sent.start, sent.end), NAME, VERSION)
    proto.killed, proto.injured = killed, injured  # type: ignore[assignment]
    proto.locations = event_locations(doc, sent, [])
    if not proto.locations:
        places = [p for p in doc.places if sent.start <= p.start < sent.end]
        proto.locations = [location_of(p) for p in places[:1]]
    proto.when, proto.date_explicit = event_date(doc, sent)
    proto.base_confidence = 0.45
    return proto


__all__ = [
    "NAME",
    "VERSION",
    "_in_quote",
    "extract",
    "running_total",
    "since_clause",
    "street_crime",
]
