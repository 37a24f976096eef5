"""Roles the conflict rules infer beyond the named subject and object: the defender of a
repelled assault, the one denying, the attacker blamed next, and what the text implies."""

from __future__ import annotations

import re

from streams.extraction.annotate import ActorMention, Annotated, Sentence
from streams.extraction.extractors.attack_actors import (
    BLAME,
    ITS_FORCES,
    VICTIM_AFTER,
    as_state,
    state_like,
)
from streams.extraction.extractors.attack_words import CIVILIAN, UNNAMED, W
from streams.extraction.extractors.common import (
    Proto,
    article_span,
    clause_before,
    sentence_actors,
)
from streams.extraction.gazetteer import gazetteer
from streams.schemas import Actor

_CIVILIAN_VENUE = re.compile(  # a bomb at a wedding or a market targets civilians
    W + r"\b(?:civilians?|villagers|worshippers|wedding|funeral|markets?|marketplace|beach|"
    r"mass|church|mosque|bus station|restaurant|caf[eé]|hotel|displacement camp|tents?|"
    r"crowd(?:ed)?|shoppers|pilgrims|festival|concert)\b",
    re.IGNORECASE,
)


_STATE_FORCES = re.compile(
    W + r"\b(?:security forces|government forces|government troops|police(?:men)?|"
    r"police officers|troops|soldiers|the army|the military|the junta|junta troops|"
    r"military (?:aircraft|jets?|helicopters?|drones?))\b",
    re.IGNORECASE,
)


_ACTS_AFTER = re.compile(  # "security forces killed", "troops opened fire": the subject acts
    r"^\s+(?:\w+ly\s+|also\s+|then\s+|on \w+\s+)?(?:[a-z]+ed|shot|fought|hit|struck|overran|"
    r"began|took|threw|drove|led)\b"
)


_DENIED = re.compile(W + r"\b(?:denied|denies|denying|rejected claims|dismissed claims)\b", re.I)


def denier_as_initiator(doc: Annotated, sent: Sentence, start: int, proto: Proto) -> None:
    """'Rwanda denied that its troops fought...': the one denying is the accused attacker."""
    cue = _DENIED.search(sent.text[: start - sent.start])
    if cue is None:
        return
    pos = sent.start + cue.start()
    before = [
        m
        for m in sentence_actors(doc, sent, skip_attributed=False)
        if m.end <= pos and m.kind in ("state", "armed_forces", "group", "person")
    ]
    if before:
        proto.actors = [a for a in proto.actors if a.role != "initiator"]
        denier = before[-1]
        proto.actors.insert(0, as_state(denier, "initiator"))


_CLAIMED = re.compile(
    r"^\)?(?:’s|'s)?\s*(?:\(\w+\)\s*)?"
    # "JNIM, al-Qaeda's Sahel branch, claimed the assault": an apposition between
    r"(?:,[^,.;]{0,60},\s*)?(?:[\w-]+\s+){0,3}?claimed "
    r"(?:responsibility|the (?:attack|assault|bombing|strike)|it)",
    re.IGNORECASE,
)


def blamed_next(doc: Annotated, sent: Sentence) -> ActorMention | None:
    """'... killing 12. It blamed the M23 rebels' / 'Islamic State claimed responsibility':
    the attacker named in the next sentence."""
    for nxt in doc.sentences[sent.index + 1 : sent.index + 3]:
        for mention in doc.actors:
            if not nxt.start <= mention.start < nxt.end:
                continue
            if BLAME.search(doc.text[max(nxt.start, mention.start - 20) : mention.start]):
                return mention
            if _CLAIMED.match(doc.text[mention.end : nxt.end]):
                return mention
    return None


def _unnamed_actor(
    doc: Annotated, sent: Sentence, proto: Proto, country: str
) -> tuple[Actor, int] | None:
    """The attacker named by a common noun before the trigger: 'security forces killed four
    militants' -> the state's forces; 'gunmen opened fire' -> an armed group; both coded with
    the country where it happened (as ACLED does). Attributions ('police said') are skipped."""
    rel = proto.trigger[0] - sent.start
    head = sent.text[:rel]
    best: tuple[int, Actor, int] | None = None
    head = head[len(head) - len(clause_before(head, len(head))) :]
    base = sent.start + rel - len(head)
    for regex, is_state in ((_STATE_FORCES, True), (UNNAMED, False)):
        for match in regex.finditer(head):
            at = rel - len(head) + match.end()
            after = sent.text[at : at + 50]
            if (
                doc.attributed(base + match.start())
                or (best is not None and best[0] < match.start())
                or VICTIM_AFTER.match(after)
                or (is_state and not _ACTS_AFTER.match(after))
            ):
                continue
            if is_state:
                state = gazetteer().iso3.get(country)
                if state is None:
                    continue
                actor = Actor(
                    role="initiator", name=state.name, kind="armed_forces", country=country
                )
            else:
                name = match.group("who").capitalize()
                actor = Actor(role="initiator", name=name, kind="group", country=country)
            best = (match.start(), actor, base - sent.start + match.end())
    return (best[1], best[2]) if best else None


def _unnamed_target(sent: Sentence, after: int, country: str) -> Actor | None:
    """'security forces killed four militants': the armed group right after the subject."""
    match = UNNAMED.search(sent.text, after)
    if match is None or match.start() - after > 40:
        return None
    name = match.group("who").capitalize()
    return Actor(role="target", name=name, kind="group", country=country)


def _drop_own_state(proto: Proto, forces: Actor) -> bool:
    """'Troops killed ten rebels in northern Mali': the state whose forces act is not their
    target (its name there is where it happened); drop such targets, True when one was."""
    if forces.kind != "armed_forces":
        return False
    own = [a for a in proto.role("target") if a.kind == "state" and a.country == forces.country]
    proto.actors = [a for a in proto.actors if a not in own]
    return bool(own) and not proto.role("target")


def fill_actors(
    proto: Proto, sent: Sentence, event_type: str, doc: Annotated | None = None
) -> None:
    """Fill what the text implies: the attacked side is the country where it happened (or its
    civilians when a state strikes at home or civilians are the victims); an unnamed armed
    group ("gunmen") is the attacker, coded with the country where it acted (as ACLED does)."""
    country = next((loc.country for loc in proto.locations if loc.country), None)
    initiator = next((a for a in proto.actors if a.role == "initiator"), None)
    has_target = any(a.role == "target" for a in proto.actors)
    home = country or (doc.focus.most_common(1)[0][0] if doc is not None and doc.focus else None)
    if initiator is None and home and doc is not None:
        found = _unnamed_actor(doc, sent, proto, home)
        if found is not None:
            initiator, subject_end = found
            proto.actors.insert(0, initiator)
            has_target = has_target and not _drop_own_state(proto, initiator)
            if initiator.kind == "armed_forces" and not has_target:
                target = _unnamed_target(sent, subject_end, home)
                if target is not None:
                    proto.actors.append(target)
                    has_target = True
    if initiator is None:
        unnamed = UNNAMED.search(sent.text)
        if unnamed and country:
            name = unnamed.group("who").capitalize()
            initiator = Actor(role="initiator", name=name, kind="group", country=country)
            proto.actors.insert(0, initiator)
    if (
        event_type == "attack_on_civilians"
        or (
            not has_target
            and initiator is not None
            and initiator.country == country
            and CIVILIAN.search(sent.text)
        )
        or (
            not has_target
            and event_type in ("remote_explosive", "air_strike", "missile_attack")
            and (initiator is None or initiator.kind == "group" or initiator.country == home)
            and _CIVILIAN_VENUE.search(sent.text)
        )
    ):
        proto.actors = [a for a in proto.actors if a.role != "target"]
        civilians = Actor(role="target", name="civilians", kind="civilians", country=country)
        proto.actors.append(civilians)
    elif (
        not has_target
        and country
        and (initiator is None or initiator.country != country or initiator.kind == "group")
    ):
        state = gazetteer().iso3.get(country)
        if state is not None:
            proto.actors.append(
                Actor(role="target", name=state.name, kind="state", country=country)
            )


_DEFENCE = re.compile(
    r"\b(?P<passive>(?:was|were|been|being)\s+)?(?:repelled|repulsed|held off|fought off|"
    r"beat back|beaten back|fended off|pushed back|thwarted)\b",
    re.IGNORECASE,
)


def defender_as_target(doc: Annotated, sent: Sentence, proto: Proto) -> None:
    """'Ukrainian troops repelled a Russian assault': the defender is the target and the side
    whose assault was repelled the attacker ('an assault was repelled by X': the reverse)."""
    cue = _DEFENCE.search(sent.text)
    if cue is None:
        return
    verb_start, verb_end = article_span(sent, cue)
    if not verb_start - 60 <= proto.trigger[0] <= verb_end + 60:
        return  # the defence is another clause's: "missiles hit X while air defences repelled"
    mentions = [m for m in sentence_actors(doc, sent, skip_attributed=False) if state_like(m)]
    before = [m for m in mentions if m.end <= verb_start and not doc.attributed(m.start)]
    after = [m for m in mentions if verb_end <= m.start <= verb_end + 60]
    if not before and ITS_FORCES.search(sent.text[: cue.start()]):
        before = [m for m in mentions if m.end <= verb_start]  # "X said its forces repelled"
    subject = before[-1] if before else None
    obj = after[0] if after else None
    defender, attacker = (obj, subject) if cue.group("passive") else (subject, obj)
    if defender is None:
        return
    if attacker is not None and attacker.country == defender.country:
        attacker = None
    kept = [a for a in proto.actors if a.role not in ("initiator", "target")]
    roles = [as_state(defender, "target")]
    if attacker is not None:
        roles.insert(0, as_state(attacker, "initiator"))
    else:  # "Ukrainian troops repelled the assault": an attacker named elsewhere stays
        roles[:0] = [
            a for a in proto.role("initiator") if a.country not in (None, defender.country)
        ]
    proto.actors = roles + kept
