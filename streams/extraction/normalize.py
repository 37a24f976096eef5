"""Merge duplicate mentions: one event per happening per article (Event messages are built in
`event_build`; `to_event` and `event_id` are re-exported here)."""

from __future__ import annotations

import re
from datetime import date

from streams.extraction import spec
from streams.extraction.actor_tidy import tidy_actors
from streams.extraction.coreference import fold, told_later
from streams.extraction.coreference import locations_overlap as _locations_overlap
from streams.extraction.event_build import event_id, first_actor, pairings, to_event, told
from streams.extraction.extractors.common import Proto
from streams.extraction.lexicons import UNTYPED_ATTACK
from streams.extraction.toll_sides import joint_toll, reported_toll
from streams.schemas import Actor, Count, Location

__all__ = [
    "CONFLICT",
    "UNREST",
    "UNREST_RANK",
    "absorb",
    "compatible",
    "event_id",
    "merge",
    "to_event",
]

CONFLICT = spec.types_in("conflict") | {UNTYPED_ATTACK}
_AERIAL = frozenset({"air_strike", "missile_attack"})
_WEAK = frozenset({"casualty_report", UNTYPED_ATTACK})
UNREST_RANK = {
    "protest": 1,
    "protest_with_intervention": 2,
    "excessive_force_against_protesters": 3,
    "riot": 4,
    "mob_violence": 5,
}
"""The unrest types (spec category "unrest"; engine v2 emits the sub-types) in the order in
which two mentions of one happening merge: the more violent reading wins."""
UNREST = frozenset(UNREST_RANK)
_WITH_HARM = {"protest": "riot", "protest_with_intervention": "excessive_force_against_protesters"}
"""An unrest event merged with an untyped attack ('demonstrators attacked security forces'):
a protest turned violent is a riot; one the police broke up is excessive force."""
_HARMED = "excessive_force_against_protesters"
"""A protest with no violence of its crowd merged with a toll or an attack on unarmed people
('soldiers shot dead a protester', 'one person was shot'): force used on the protesters
(ACLED excessive force), not a riot."""


def _types_merge(a: str, b: str) -> bool:
    if a == b:
        return True
    if {a, b} & UNREST and {a, b} & _WEAK:
        return True  # "clashes" / a toll after a riot belong to the riot
    if {a, b} <= UNREST:
        return True  # a march that turned violent in the same city is one riot
    # one happening told several ways ("a missile hit the market... the shelling killed 20...
    # fighters then stormed it") is one event; locations and actors decide in compatible()
    return a in CONFLICT and b in CONFLICT


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return True
    return a.name == b.name or (a.country is not None and a.country == b.country)


def _sub(locs: list[Location]) -> list[Location]:
    return [loc for loc in locs if loc.precision != "country"]


def _unrest_violence(a: Proto, b: Proto) -> bool:
    """'police opened fire ... five people shot dead' in a riot story: part of the riot, done
    by no named doer or by a state's forces ('shot dead by soldiers')."""
    kinds = {a.event_type, b.event_type}
    other = b if a.event_type in UNREST else a
    doer = first_actor(other, "initiator")
    return (
        bool(kinds & UNREST)
        and other.event_type == "attack_on_civilians"
        and (doer is None or doer.kind == "armed_forces")
    )


def _distinct_attacks(old: Proto, new: Proto) -> bool:
    """Two differently-typed acts, each with its own named attacker."""
    return (
        old.event_type in CONFLICT
        and new.event_type in CONFLICT
        and old.event_type != new.event_type
        and not ({old.event_type, new.event_type} <= _AERIAL)
        and not ({old.event_type, new.event_type} & _WEAK)
        and first_actor(new, "initiator") is not None
        and first_actor(old, "initiator") is not None
    )


def _dates_differ(old: Proto, new: Proto) -> bool:
    vague = not _sub(new.locations) and first_actor(new, "initiator") is None
    return old.date_explicit and new.date_explicit and old.when.date != new.when.date and not vague


def _same_story(old: Proto, new: Proto) -> bool:
    """Outside conflict and unrest, two mentions merge only when they share an actor or a
    sentence."""
    if old.event_type not in CONFLICT and old.event_type not in UNREST | {"humanitarian_impact"}:
        names_old = {a.name for a in old.actors}
        names_new = {a.name for a in new.actors}
        return bool(names_old & names_new) or old.sentence.index == new.sentence.index
    return True


def compatible(old: Proto, new: Proto) -> bool:
    return (
        old.status == new.status
        and not _distinct_attacks(old, new)
        and (_types_merge(old.event_type, new.event_type) or _unrest_violence(old, new))
        and any(all(_same_actor(a, b) for a, b in p) for p in pairings(old, new))
        and _locations_overlap(old.locations, new.locations)
        and not _dates_differ(old, new)
        and not told_later(old, new)  # 'Days later, a bomb ...': an act of its own
        and _same_story(old, new)
        and {old.framed, new.framed} != {True, False}  # a hypothetical act is no retelling
    )


def _richness(proto: Proto) -> float:
    return (
        len(proto.actors)
        + len(proto.locations)
        + 1.5 * (proto.killed is not None)
        + (proto.injured is not None)
        + 0.5 * len(proto.weapons)
        + sum(1 for w in proto.weapons if w.count) * 0.5
    )


def _better_count(a: Count | None, b: Count | None) -> Count | None:
    if a is None or b is None:
        return a or b
    best = a if (a.value, a.children is not None) >= (b.value, b.children is not None) else b
    other = b if best is a else a
    update = {}
    if best.children is None and other.children is not None:
        update["children"] = other.children
    if best.civilians is None and other.civilians is not None:
        update["civilians"] = other.civilians
    return best.model_copy(update=update) if update else best


def absorb(into: Proto, new: Proto) -> Proto:
    """Merge new into into; the richer mention gives the evidence sentence."""
    rich, poor = (into, new) if _richness(into) >= _richness(new) else (new, into)
    merged = Proto(
        event_type=_merged_type(
            into.event_type, new.event_type, _protested(into, new), told(into, new)
        ),
        sentence=rich.sentence,
        trigger=rich.trigger,
        extractor=rich.extractor,
        version=rich.version,
        status=rich.status,
    )
    seen: set[tuple[str, str]] = set()
    for actor in [*rich.actors, *poor.actors]:
        key = (actor.role, actor.name)
        if key not in seen and not (
            actor.role in ("initiator",)
            and any(a.role == actor.role and a.name != actor.name for a in merged.actors)
        ):
            seen.add(key)
            merged.actors.append(actor)
    # two retellings that disagree on sides: no one attacks themselves
    attackers = {a.name for a in merged.actors if a.role == "initiator"}
    merged.actors = [a for a in merged.actors if a.role != "target" or a.name not in attackers]
    names: set[str] = set()
    for loc in [*into.locations, *new.locations]:
        if loc.name not in names:
            names.add(loc.name)
            merged.locations.append(loc)
    merged.when = into.when if into.date_explicit or not new.date_explicit else new.when
    merged.date_explicit = into.date_explicit or new.date_explicit
    for field in ("killed", "injured", "arrested", "missing", "displaced"):
        setattr(merged, field, _better_count(getattr(rich, field), getattr(poor, field)))
    for field in ("killed", "injured"):  # a claimed or guessed toll yields to a reported one
        setattr(merged, field, reported_toll(into, new, field) or getattr(merged, field))
    merged.killed = joint_toll(into, new) or merged.killed  # the dead of two sides add
    merged.weapons = _merge_weapons(rich, poor)
    merged.money = rich.money or poor.money
    merged.base_confidence = min(0.9, max(into.base_confidence, new.base_confidence) + 0.05)
    merged.lead = into.lead or new.lead
    merged.framed = new.framed if into.framed is None else into.framed and new.framed is not False
    return merged


_TYPE_RANK = {**spec.merge_ranks(), UNTYPED_ATTACK: 0}


def _protested(a: Proto, b: Proto) -> bool:
    """An attack or toll merged into a demonstration is what the crowd protests ('demanding
    justice for a boy who was killed'): a grievance word (data/en/strategic.json
    grievance_words) in the clause before its trigger."""
    from streams.extraction.components.families.base import cues  # after the components

    harm = b if a.event_type in UNREST else a
    start = harm.trigger[0] - harm.sentence.start
    clause = re.split(r"[,;:.]", harm.sentence.text[: max(0, start)])[-1]
    return bool({w.lower() for w in clause.split()} & cues().grievance_words)


def _merged_type(a: str, b: str, protested: bool = False, attack_told: bool = False) -> str:
    if {a, b} <= UNREST:
        return max(a, b, key=UNREST_RANK.__getitem__)
    if {a, b} & UNREST and {a, b} & (_WEAK | {"attack_on_civilians"}):
        unrest = a if a in UNREST else b
        if protested:
            return unrest  # the harm is the crowd's grievance, not done at the protest
        if {a, b} & {"attack_on_civilians", "casualty_report"} and unrest in _WITH_HARM:
            return _HARMED  # 'soldiers shot dead a protester': force used on the protest
        return _WITH_HARM.get(unrest, unrest)
    if a in _TYPE_RANK and b in _TYPE_RANK:
        # 'Clashes broke out. Three were killed.': a toll of an attack told is its toll [1, 8]
        toll = attack_told and {a, b} == {UNTYPED_ATTACK, "casualty_report"}
        return UNTYPED_ATTACK if toll else (a if _TYPE_RANK[a] >= _TYPE_RANK[b] else b)
    return a


def _merge_weapons(rich: Proto, poor: Proto) -> list:  # type: ignore[type-arg]
    out = list(rich.weapons)
    for weapon in poor.weapons:
        same = [w for w in out if w.kind == weapon.kind]
        if not same:
            out.append(weapon)
            continue
        old = same[0]
        if (weapon.count and not old.count) or (weapon.name and not old.name):
            out[out.index(old)] = old.model_copy(
                update={
                    "count": old.count or weapon.count,
                    "name": old.name or weapon.name,
                    "text": old.text if old.count else weapon.text,
                }
            )
    return out


def merge(protos: list[Proto]) -> list[Proto]:
    merged: list[Proto] = []
    # background dated weeks before publication is dropped before it can merge into (and
    # lend its date or toll to) the news of the day
    fresh = [p for p in protos if not _stale(p) and not _running_total(p)]
    for proto in sorted(fresh, key=lambda p: p.trigger[0]):
        for i in range(len(merged) - 1, -1, -1):
            if compatible(merged[i], proto):
                merged[i] = absorb(merged[i], proto)
                break
        else:
            merged.append(proto)
    merged = fold(merged, CONFLICT)  # two tellings of one act that the mentions left apart
    kept = [_finish(p) for p in merged if _keep(p) and not p.framed]
    return _condemned_attackers(_inherit_initiators(_drop_answered_denials(kept)))


def _condemned_attackers(events: list[Proto]) -> list[Proto]:
    """'Biden condemned the attack': the target of a condemnation with no named target is the
    attacker of the latest conflict event before it."""
    for i, proto in enumerate(events):
        if proto.event_type != "condemnation" or first_actor(proto, "target") is not None:
            continue
        for earlier in reversed(events[:i]):
            init = first_actor(earlier, "initiator")
            if (earlier.event_type in CONFLICT or earlier.event_type == "arrest") and init:
                speaker = first_actor(proto, "initiator")
                if speaker is not None and speaker.country == init.country:
                    continue  # a government condemns others' attacks, not its own forces'
                proto.actors.append(init.model_copy(update={"role": "target"}))
                break
    return events


def _drop_answered_denials(events: list[Proto]) -> list[Proto]:
    """'The Kremlin denied targeting civilians' after a reported Russian strike: the denial is a
    reaction to that strike, not a separate happening."""
    occurred = {
        (a.country or a.name)
        for p in events
        if p.event_type in CONFLICT and p.status == "occurred"
        for a in p.actors
        if a.role == "initiator"
    }
    out = []
    for proto in events:
        init = first_actor(proto, "initiator")
        if (
            proto.status == "denied"
            and init is not None
            and (init.country or init.name) in occurred
        ):
            continue
        out.append(proto)
    return out


def _inherit_initiators(events: list[Proto]) -> list[Proto]:
    """A later strike with no named attacker, on the same country as an earlier one in the
    article ("In Kryvyi Rih, 10 people were killed by a missile strike"), shares its attacker."""
    for i, proto in enumerate(events):
        if proto.event_type not in CONFLICT or first_actor(proto, "initiator") is not None:
            continue
        target = first_actor(proto, "target")
        country = target.country if target else None
        if country is None:
            country = next((loc.country for loc in proto.locations if loc.country), None)
        for earlier in reversed(events[:i]):
            init, tgt = first_actor(earlier, "initiator"), first_actor(earlier, "target")
            if (
                earlier.event_type in CONFLICT
                and init
                and tgt
                and init.kind in ("state", "armed_forces")  # a war's attacker; not an insurgent
                and tgt.country == country
            ):
                proto.actors.insert(0, init)
                break
    return events


STALE_DAYS = 21
"""An event dated more than this before publication is background ("after talks in Cairo last
month", "the war began on Oct. 7"), not news of the day."""


def _stale(proto: Proto) -> bool:
    if not proto.date_explicit or proto.when.date is None or proto.published is None:
        return False
    return (proto.published - date.fromisoformat(proto.when.date)).days > STALE_DAYS


_SINCE_TOTAL = re.compile(
    r"\b(?:have|has|had) been (?:\w+ )?(?:detained|arrested|held|injured|hurt)\s+since\b|"
    r"\bsince the (?:protests?|demonstrations?|unrest|rallies|crackdown) (?:began|started)\b",
    re.IGNORECASE,
)


def _running_total(proto: Proto) -> bool:
    """'293 people had been detained since the protests began on Nov. 28': a tally of many days,
    not one arrest or protest."""
    return (proto.event_type == "arrest" or proto.event_type in UNREST) and bool(
        _SINCE_TOTAL.search(proto.sentence.text)
    )


def _keep(proto: Proto) -> bool:
    if _stale(proto):
        return False
    if proto.event_type in UNREST and not proto.locations:
        # "the protests, which began last week": background, not a located happening
        return proto.lead or (proto.date_explicit and proto.when.precision == "day")
    if proto.event_type == UNTYPED_ATTACK:
        return bool(proto.actors or _sub(proto.locations) or proto.killed or proto.injured)
    if proto.event_type == "casualty_report":
        return bool(proto.killed or proto.injured)
    return True


def _finish(proto: Proto) -> Proto:
    proto.actors = tidy_actors(proto.actors)
    if proto.event_type == UNTYPED_ATTACK:
        proto.event_type = "armed_clash"
    city_regions = {
        loc.admin1.code for loc in proto.locations if loc.precision == "city" and loc.admin1
    }
    proto.locations = [
        loc
        for loc in proto.locations
        if not (loc.precision == "admin1" and loc.admin1 and loc.admin1.code in city_regions)
    ]
    sub_countries = {loc.country for loc in _sub(proto.locations)}
    proto.locations = [
        loc
        for loc in proto.locations
        if loc.precision != "country" or loc.country not in sub_countries
    ]
    return proto
